"""WSCC's sign-off of a passed exam, where the certification's edition asks for one (as BC's shift boss
certificate asks for an interview with an inspector): a queue, oldest first, and the decision that issues the
certificate."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.refusals import Conflict, NotFound
from services.courses import certificates
from services.courses.enrolling import certification_of, lock_enrolment
from services.courses.models import Attempt, Employee, Enrolment, EnrolmentStatus, Signoff


def waiting(session: Session, limit: int) -> list[dict]:
    rows = session.execute(
        select(Signoff, Enrolment, Attempt, Employee.name)
        .join(Enrolment, Enrolment.id == Signoff.enrolment_id).join(Attempt, Attempt.id == Signoff.attempt_id)
        .outerjoin(Employee, Employee.employee_id == Enrolment.employee_id)
        .where(Signoff.decided_at.is_(None)).order_by(Signoff.requested_at).limit(limit)).all()
    return [{"enrolment_id": str(enrolment.id), "employee_id": str(enrolment.employee_id), "employee_name": name,
             "certification": certification_of(enrolment).model_dump(),
             "requested_at": signoff.requested_at.isoformat(), "attempt_number": attempt.number,
             "score_percent": str(attempt.score_percent)} for signoff, enrolment, attempt, name in rows]


def sign_off(session: Session, enrolment_id: uuid.UUID, by: uuid.UUID, note: str | None, now: datetime) -> Enrolment:
    enrolment = lock_enrolment(session, enrolment_id)
    signoff = session.get(Signoff, enrolment_id)
    if signoff is None:
        raise NotFound("not_found")
    if signoff.decided_at is not None or enrolment.status != EnrolmentStatus.AWAITING_SIGNOFF:
        raise Conflict("already_signed_off")
    signoff.decided_at, signoff.decided_by, signoff.note = now, by, (note or "").strip() or None
    certificates.issue_if_due(session, enrolment, now)
    return enrolment
