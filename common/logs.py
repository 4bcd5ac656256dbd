"""JSON logs that carry the correlation id of the browser request that started the work."""
from __future__ import annotations

import logging
import sys
import uuid
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

_correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)


def current_correlation_id() -> str | None:
    return _correlation_id.get()


def set_correlation_id(value: str | None) -> None:
    _correlation_id.set(value)


def new_correlation_id() -> str:
    return uuid.uuid4().hex


class _ContextFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        record.correlation_id = current_correlation_id()
        return True


def configure_logging(service: str, level: str = "INFO") -> None:
    """Send every record to stdout as one JSON object; idempotent."""
    root = logging.getLogger()
    if any(getattr(handler, "wscc_service", None) == service for handler in root.handlers):
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.wscc_service = service  # type: ignore[attr-defined]
    handler.addFilter(_ContextFilter(service))
    handler.setFormatter(JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(service)s %(correlation_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    ))
    root.handlers = [handler]
    root.setLevel(level)
