"""Event handlers of a service: plain functions ``handler(session, payload, event)`` registered by event type.

``payload`` is the event's data as its catalogued schema (``OrderPaid`` for ``order.paid``), validated once when the
message arrived; ``event`` is the envelope (id, type, time) for the keys that make a handler idempotent.

Each handler runs as its own Celery task (a fresh task id per run, so Flower shows every handler run with its
worker and outcome), inside one unit of work whose first step records the event in the inbox: a redelivered or
duplicated event is then skipped, and the handler's effect and the inbox row commit or roll back together.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from common.events import Event

Handler = Callable[[Session, Any, Event], None]


class PermanentEventError(Exception):
    """The event cannot be handled, whatever the retries: fail the handler run without retrying."""


@dataclass
class EventHandlers:
    service: str
    by_type: dict[str, list[Handler]] = field(default_factory=dict)

    def on(self, event_type: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.by_type.setdefault(event_type, []).append(handler)
            return handler
        return register

    def task_name(self, handler: Handler) -> str:
        return f"{self.service}.{handler.__name__}"

    def handled_types(self) -> list[str]:
        return sorted(self.by_type)
