"""Logs that carry the correlation id of the browser request that started the work.

stdout gets JSON (collectors, production) or the short console lines (people, ``make dev``); with a log
directory every record also goes, as JSON, to ``<log_dir>/<process>.log``.
"""
from __future__ import annotations

import logging
import sys
import uuid
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from pythonjsonlogger.json import JsonFormatter

from common.console_logs import ConsoleFormatter, QuietChatter

if TYPE_CHECKING:
    from common.settings import ServiceSettings

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


def json_formatter() -> JsonFormatter:
    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(service)s %(correlation_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
    )


def configure_logging(service: str, settings: ServiceSettings, process: str | None = None) -> None:
    """Route every record to stdout (console or JSON) and, with ``settings.log_dir``, to the process's JSON file.

    ``process`` names the file: the Procfile's name (``web``, ``orders-api``, ``licenses-worker``…). Idempotent.
    """
    root = logging.getLogger()
    if any(getattr(handler, "wscc_service", None) == service for handler in root.handlers):
        return
    stdout = logging.StreamHandler(sys.stdout)
    if settings.console_logs:
        stdout.setFormatter(ConsoleFormatter())
        stdout.addFilter(QuietChatter())
    else:
        stdout.setFormatter(json_formatter())
    handlers: list[logging.Handler] = [stdout]
    if settings.log_dir is not None:
        handlers.append(_json_file(Path(settings.log_dir) / f"{process or service}.log"))
    for handler in handlers:
        handler.wscc_service = service  # type: ignore[attr-defined]
        handler.addFilter(_ContextFilter(service))
    root.handlers = handlers
    root.setLevel(settings.log_level)


def _json_file(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(json_formatter())
    return handler
