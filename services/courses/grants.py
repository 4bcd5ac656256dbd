"""Exceptions an administrator grants one candidate, each recorded with who, when and why: another attempt after
the last one failed, or more time per attempt (an accommodation, as a multiplier of the time limit)."""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from common.refusals import Conflict, Invalid
from services.courses.enrolling import announce, lock_enrolment
from services.courses.models import Enrolment, EnrolmentGrant, EnrolmentStatus, GrantKind

MAX_EXTRA_ATTEMPTS = 10
MULTIPLIER_RANGE = (Decimal("1.00"), Decimal("4.00"))


def _reason(reason: str | None) -> str:
    if not (reason or "").strip():
        raise Invalid("reason_required", {"reason": "required"})
    return reason.strip()


def grant_attempt(session: Session, enrolment_id: uuid.UUID, reason: str | None, by: uuid.UUID,
                  now: datetime) -> Enrolment:
    """One more attempt; a candidate out of attempts may sit the exam again (within the access period)."""
    reason = _reason(reason)
    enrolment = lock_enrolment(session, enrolment_id)
    if enrolment.status in (EnrolmentStatus.PASSED, EnrolmentStatus.AWAITING_SIGNOFF, EnrolmentStatus.CERTIFIED):
        raise Conflict("already_passed")
    if enrolment.status == EnrolmentStatus.ACCESS_EXPIRED or now >= enrolment.access_ends_at:
        raise Conflict("access_ended")
    if enrolment.extra_attempts >= MAX_EXTRA_ATTEMPTS:
        raise Conflict("too_many_extra_attempts")
    enrolment.extra_attempts += 1
    if enrolment.status == EnrolmentStatus.FAILED:
        enrolment.status, enrolment.finished_at = EnrolmentStatus.EXAM_OPEN, None
    session.add(EnrolmentGrant(enrolment_id=enrolment.id, kind=GrantKind.EXTRA_ATTEMPT, value=Decimal(1),
                               reason=reason, granted_by=by, granted_at=now))
    session.flush()
    announce(session, "exam.attempt_granted", enrolment, now)  # the reason stays with WSCC's record
    return enrolment


def set_accommodation(session: Session, enrolment_id: uuid.UUID, multiplier: object, reason: str | None,
                      by: uuid.UUID, now: datetime) -> Enrolment:
    """Attempts started from now on get ``multiplier`` × the time limit (an open attempt keeps its deadline)."""
    reason = _reason(reason)
    try:
        value = Decimal(str(multiplier)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise Invalid("invalid_multiplier", {"multiplier": "not_a_number"}) from None
    low, high = MULTIPLIER_RANGE
    if not low <= value <= high:
        raise Invalid("invalid_multiplier", {"multiplier": "out_of_range"})
    enrolment = lock_enrolment(session, enrolment_id)
    enrolment.time_multiplier = value
    session.add(EnrolmentGrant(enrolment_id=enrolment.id, kind=GrantKind.ACCOMMODATION, value=value, reason=reason,
                               granted_by=by, granted_at=now))
    return enrolment
