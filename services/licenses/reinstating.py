"""An administrator gives an expired license a new deadline: it is eligible again and reminded afresh.

An administrator only ever knows a license by its code, so both looking a license up and reinstating it start
from the code as stored (``codes.normalize``)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.clock import parse_instant
from common.refusals import Conflict, Invalid, NotFound
from services.licenses import employees
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import REINSTATE, days_left
from services.licenses.models import License


def read_deadline(raw: object, now: datetime) -> datetime:
    try:
        deadline = parse_instant(raw) if isinstance(raw, str) else None
    except ValueError:
        deadline = None
    if deadline is None:
        raise Invalid("invalid_deadline", {"redeem_by": "invalid_date"})
    if deadline <= now:
        raise Invalid("invalid_deadline", {"redeem_by": "in_the_past"})
    return deadline


def license_with_code(session: Session, code: str) -> License:
    """The license whose stored code is ``code``; 404 ``unknown_code`` when none is."""
    license_ = session.scalar(select(License).where(License.code == code))
    if license_ is None:
        raise NotFound("unknown_code")
    return license_


def reinstate_license(session: Session, code: str, redeem_by: datetime, cause: Cause, now: datetime) -> License:
    """``code`` is the stored form of a code (``codes.normalize``)."""
    license_ = license_with_code(session, code)
    if license_.status != REINSTATE.source or license_.employee_id is None:
        raise Conflict("not_expired")
    employees.lock(session, license_.employee_id)  # same lock order as claims and approvals
    try:
        with session.begin_nested():
            reinstated = session.scalars(
                update(License).where(License.id == license_.id, License.status == REINSTATE.source)
                .values(status=REINSTATE.target, redeem_by=redeem_by, expired_at=None, updated_at=now)
                .returning(License)
            ).one_or_none()
    except IntegrityError:  # the employee has claimed another code since: one live license each
        raise Conflict("employee_has_license") from None
    if reinstated is None:
        raise Conflict("not_expired")
    record_changes(session, REINSTATE, [Change.of(reinstated, days_left=days_left(redeem_by, now))], cause, now)
    return reinstated
