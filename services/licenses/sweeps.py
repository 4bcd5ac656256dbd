"""Timed work over eligible licenses: reminders before the deadline, and expiry at it.

Both walk the eligible licenses by deadline in bounded batches, one transaction each. A batch claims its rows with
``FOR UPDATE SKIP LOCKED``, so two runs at once (two schedulers, two workers) split the work instead of waiting
or doubling it, and carries on after the last (deadline, id) it saw, so a million rows cost a million rows of work,
not a rescan per batch. Reruns are harmless: an expired license is no longer eligible, and a reminder point is a
unique row written with its event.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, exists, literal_column, select, tuple_, update
from sqlalchemy.orm import Session

from common.db import Database, dialect_insert
from services.licenses.history import Cause, Change, announce, record_changes
from services.licenses.lifecycle import DAY, EXPIRE, days_left
from services.licenses.models import License, LicenseReminder, LicenseStatus

EXPIRE_TASK = "licenses.expire_licenses"
REMIND_TASK = "licenses.send_reminders"
EXPIRING_EVENT = "license.expiring"
EVENT_FACTS = (License.id, License.company_id, License.employee_id, License.redeem_by, License.certification,
               License.application_id)
Keyset = tuple[datetime, Any] | None
# Written out rather than bound, so that PostgreSQL can prove a prepared (generic) plan matches the partial index
# ix_licenses_eligible_deadline.
IS_ELIGIBLE = License.status == literal_column(f"'{LicenseStatus.ELIGIBLE}'")


def _after(keyset: Keyset) -> list:
    return [] if keyset is None else [tuple_(License.redeem_by, License.id) > tuple_(*keyset)]


def _last(rows: Sequence[Any]) -> Keyset:
    return max((row.redeem_by, row.id) for row in rows)


def expire_due_licenses(db: Database, now: datetime, batch_size: int) -> int:
    """Every eligible license whose deadline has come expires; returns how many this run expired."""
    total, keyset = 0, None
    while True:
        with db.unit_of_work() as session:
            expired = _expire_batch(session, now, batch_size, keyset)
        total += len(expired)
        if len(expired) < batch_size:
            return total
        keyset = _last(expired)


def _expire_batch(session: Session, now: datetime, batch_size: int, keyset: Keyset) -> Sequence[Any]:
    due = (select(License.id)
           .where(IS_ELIGIBLE, License.redeem_by <= now, *_after(keyset))
           .order_by(License.redeem_by, License.id).limit(batch_size)
           .with_for_update(skip_locked=True).cte("due"))
    expired = session.execute(
        update(License).where(License.id == due.c.id)
        .values(status=EXPIRE.target, expired_at=now, updated_at=now)
        .returning(*EVENT_FACTS).execution_options(synchronize_session=False)
    ).all()
    record_changes(session, EXPIRE, [Change.of(row) for row in expired], Cause.task(EXPIRE_TASK), now)
    return expired


def send_due_reminders(db: Database, now: datetime, points: Sequence[int], batch_size: int) -> int:
    """Remind each eligible license of its latest reminder point reached and not yet sent; returns how many."""
    total, keyset = 0, None
    while True:
        with db.unit_of_work() as session:
            due = session.execute(_due_reminders(now, points, batch_size, keyset)).all()
            total += _remind(session, due, now)
        if len(due) < batch_size:
            return total
        keyset = _last(due)


def _due_reminders(now: datetime, points: Sequence[int], batch_size: int, keyset: Keyset):
    # The latest point reached: a 30-day reminder missed while the system was down is stale once 7 days are left.
    point = case(*[(License.redeem_by <= now + days * DAY, days) for days in sorted(points)])
    already_sent = exists().where(LicenseReminder.license_id == License.id,
                                  LicenseReminder.redeem_by == License.redeem_by,
                                  LicenseReminder.days_before <= point)
    return (select(*EVENT_FACTS, point.label("point"))
            .where(IS_ELIGIBLE, License.redeem_by > now,
                   License.redeem_by <= now + max(points) * DAY, ~already_sent, *_after(keyset))
            .order_by(License.redeem_by, License.id).limit(batch_size)
            .with_for_update(skip_locked=True, of=License))


def _remind(session: Session, due: Sequence[Any], now: datetime) -> int:
    if not due:
        return 0
    # The unique (license, deadline, point) row is the guarantee: whoever inserts it sends the reminder.
    # One statement, its rows as parameters (compiled once, cached), not a thousand-row VALUES literal.
    inserted = set(session.connection().execute(
        dialect_insert(session)(LicenseReminder).on_conflict_do_nothing().returning(LicenseReminder.license_id),
        [{"license_id": row.id, "redeem_by": row.redeem_by, "days_before": row.point, "sent_at": now}
         for row in due],
    ).scalars().all())
    changes = [Change.of(row, days_left=days_left(row.redeem_by, now)) for row in due if row.id in inserted]
    announce(session, EXPIRING_EVENT, changes, now)
    return len(changes)
