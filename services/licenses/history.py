"""Writing a change of state: the history row (who or what caused it) and the event, in the caller's transaction."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from common.events import Event, new_event
from common.outbox import record_events
from common.tokens import Actor
from services.licenses.lifecycle import Transition
from services.licenses.models import LicenseHistory, Outbox


@dataclass(frozen=True)
class Cause:
    """Who or what changed a license: a user and their role, an event, or a periodic task."""

    text: str
    details: dict[str, str] = field(default_factory=dict)

    @classmethod
    def user(cls, actor: Actor) -> Cause:
        return cls(f"{actor.role} {actor.user_id}", {"user_id": actor.user_id, "role": actor.role})

    @classmethod
    def event(cls, event: Event) -> Cause:
        return cls(f"event {event.type} {event.id}", {"event_type": event.type, "event_id": str(event.id)})

    @classmethod
    def task(cls, name: str) -> Cause:
        return cls(f"task {name}", {"task": name})

    def with_details(self, **details: str) -> Cause:
        return Cause(self.text, self.details | details)


@dataclass(frozen=True)
class Change:
    """The facts of one license that its event carries; ``employee_id`` is the employee concerned (for a release,
    the one just unlinked)."""

    license_id: uuid.UUID
    company_id: uuid.UUID
    employee_id: uuid.UUID
    redeem_by: datetime | None = None
    certification: dict | None = None
    application_id: uuid.UUID | None = None
    days_left: int | None = None

    @classmethod
    def of(cls, row: Any, **overrides: Any) -> Change:
        facts = {name: getattr(row, name, None) for name in
                 ("company_id", "employee_id", "redeem_by", "certification", "application_id")}
        return cls(license_id=row.id, **(facts | overrides))


def record_changes(session: Session, transition: Transition, changes: list[Change], cause: Cause,
                   at: datetime) -> None:
    """History rows and events for licenses that just made ``transition``; bulk inserts, so a sweep's batch of
    a thousand costs two statements."""
    if not changes:
        return
    session.execute(insert(LicenseHistory), [{
        "license_id": change.license_id, "from_status": transition.source, "to_status": transition.target,
        "at": at, "cause": cause.text, "details": cause.details or None, "employee_id": change.employee_id,
    } for change in changes])
    if transition.event_type is not None:
        announce(session, transition.event_type, changes, at)


def announce(session: Session, event_type: str, changes: list[Change], at: datetime) -> None:
    """One event per license (``license.expiring`` announces without changing state)."""
    # A plain dict: new_event validates it against LicenseChange once (a model would be validated twice).
    record_events(session, Outbox, [new_event(event_type, {
        "license_id": change.license_id, "company_id": change.company_id, "employee_id": change.employee_id,
        "at": at, "redeem_by": change.redeem_by, "days_left": change.days_left,
        "certification": change.certification, "application_id": change.application_id,
    }) for change in changes])
