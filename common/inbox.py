"""The inbox: each handler records the ids of the events it handled, in the same transaction as its effect."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, Session, mapped_column

from common.clock import utcnow
from common.db import insert_ignoring_conflicts
from common.events import Event


class InboxMixin:
    """Columns of a service's ``inbox`` table: one row per (handler, event)."""

    handler: Mapped[str] = mapped_column(String(150), primary_key=True)
    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(String(100))
    handled_at: Mapped[datetime]


def claim_event(session: Session, inbox_model: type[InboxMixin], handler: str, event: Event) -> bool:
    """True the first time this handler sees this event. A concurrent duplicate waits on the row, then gets False."""
    inserted = insert_ignoring_conflicts(session, inbox_model, {
        "handler": handler, "event_id": event.id, "event_type": event.type, "handled_at": utcnow(),
    })
    return inserted == 1
