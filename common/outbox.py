"""The transactional outbox: events are rows written with the state change, then relayed to RabbitMQ.

``record_event`` adds the row inside the caller's unit of work. After the commit, ``OutboxRelay.publish``
sends those rows at once; ``OutboxRelay.sweep`` (a periodic task of every service) sends whatever a crash or a
broker outage left behind. A row is marked sent only after the broker confirmed it, so a message may go out twice
(a crash between confirm and mark) but is never lost; consumers' inboxes make the duplicate harmless.
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Integer, String, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from common.clock import utcnow
from common.db import PENDING_EVENTS, Database
from common.events import Event

log = logging.getLogger(__name__)


class OutboxMixin:
    """Columns of a service's ``outbox`` table."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(String(100))
    message: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(index=True)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


def record_event(session: Session, outbox_model: type[OutboxMixin], event: Event) -> None:
    """Write the event in the caller's transaction; it is published once that transaction commits."""
    record_events(session, outbox_model, [event])


def record_events(session: Session, outbox_model: type[OutboxMixin], events: list[Event]) -> None:
    """Many events in one INSERT (a sweep's batch of a thousand costs one statement)."""
    if not events:
        return
    now = utcnow()
    session.execute(insert(outbox_model), [{
        "id": event.id, "event_type": event.type, "message": event.as_message(), "created_at": now,
        "published_at": None, "attempts": 0,
    } for event in events])
    session.info.setdefault(PENDING_EVENTS, []).extend(event.id for event in events)


class OutboxRelay:
    def __init__(self, outbox_model: type[OutboxMixin], publisher: Any, batch_size: int = 200) -> None:
        self.outbox_model = outbox_model
        self.publisher = publisher
        self.batch_size = batch_size
        self.database: Database | None = None

    def bind(self, database: Database) -> None:
        self.database = database

    def publish(self, event_ids: list[uuid.UUID]) -> None:
        """Right after a commit: try to send these events now; failures are left for the sweep."""
        try:
            self._relay(self.outbox_model.id.in_(event_ids))
        except Exception:  # the sweep will retry; the request that committed must not fail for it
            log.warning("outbox publish deferred to the sweep", exc_info=True)

    def sweep(self, older_than: timedelta = timedelta(seconds=5), now: datetime | None = None) -> int:
        """Send rows left unsent for a while, in bounded batches; returns how many were sent."""
        cutoff = (now or utcnow()) - older_than
        sent_total = 0
        while True:
            sent = self._relay(self.outbox_model.created_at <= cutoff)
            sent_total += sent
            if sent < self.batch_size:
                return sent_total

    def _relay(self, condition: Any) -> int:
        assert self.database is not None, "relay not bound to a database"
        model = self.outbox_model
        with self.database.sessions() as session, session.begin():
            rows = session.scalars(
                select(model).where(model.published_at.is_(None), condition)
                .order_by(model.created_at).limit(self.batch_size)
                .with_for_update(skip_locked=True)
            ).all()
            for row in rows:
                row.attempts += 1
                self.publisher.publish(row.message)
                row.published_at = utcnow()
            return len(rows)
