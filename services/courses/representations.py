"""How enrolments, attempts and certificates are shown to each kind of caller (JSON for the front door)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.courses.attempts import exam_state, last_attempt, next_start
from services.courses.certificates import can_be_shown, display, public_status
from services.courses.enrolling import attempts_allowed, attempts_used, certification_of, lesson_counts
from services.courses.models import Attempt, Certificate, Enrolment, EnrolmentGrant


def certification_json(enrolment: Enrolment) -> dict:
    return certification_of(enrolment).model_dump()


def certificate_json(certificate: Certificate | None, now: datetime) -> dict | None:
    if certificate is None:
        return None
    return {"number": certificate.number, "display_number": display(certificate.number),
            "holder_name": certificate.holder_name, "issued_at": certificate.issued_at.isoformat(),
            "expires_at": certificate.expires_at.isoformat(), "status": public_status(certificate, now),
            "status_changed_at": certificate.status_changed_at and certificate.status_changed_at.isoformat(),
            "status_reason": certificate.status_reason, "printable": can_be_shown(certificate)}


def progress_json(session: Session, enrolment: Enrolment, now: datetime) -> dict:
    """Where an enrolment stands, as its company may see it: steps and dates, never answers or question scores."""
    done, total = lesson_counts(session, enrolment)
    last = last_attempt(session, enrolment)
    certificate = session.scalars(select(Certificate).where(Certificate.enrolment_id == enrolment.id)).first()
    wait_until = next_start(session, enrolment)
    return {"enrolment_id": str(enrolment.id), "license_id": str(enrolment.license_id),
            "employee_id": str(enrolment.employee_id), "certification": certification_json(enrolment),
            "status": enrolment.status, "opened_at": enrolment.opened_at.isoformat(),
            "access_ends_at": enrolment.access_ends_at.isoformat(),
            "course_completed_at": enrolment.course_completed_at and enrolment.course_completed_at.isoformat(),
            "lessons_done": done, "lessons_total": total,
            "attempts_used": attempts_used(session, enrolment), "attempts_allowed": attempts_allowed(enrolment),
            "last_result": None if last is None or last.submitted_at is None else
            ("passed" if last.passed else "failed"),
            "next_attempt_at": wait_until.isoformat() if wait_until and wait_until > now else None,
            "certificate": certificate_json(certificate, now)}


def employee_enrolment_json(session: Session, enrolment: Enrolment, now: datetime) -> dict:
    """The employee's own view: their progress, and what the exam page says."""
    return progress_json(session, enrolment, now) | {"exam": exam_state(session, enrolment, now),
                                                     "attempts": attempts_json(session, enrolment)}


def attempts_json(session: Session, enrolment: Enrolment) -> list[dict]:
    attempts = session.scalars(select(Attempt).where(Attempt.enrolment_id == enrolment.id)
                               .order_by(Attempt.number)).all()
    return [{"id": str(attempt.id), "number": attempt.number, "started_at": attempt.started_at.isoformat(),
             "deadline": attempt.deadline.isoformat(),
             "submitted_at": attempt.submitted_at and attempt.submitted_at.isoformat(),
             "submitted_by": attempt.submitted_by,
             "score_percent": None if attempt.score_percent is None else str(attempt.score_percent),
             "pass_mark_percent": attempt.pass_mark_percent, "passed": attempt.passed} for attempt in attempts]


def staff_enrolment_json(session: Session, enrolment: Enrolment, now: datetime) -> dict:
    """For reviewers and administrators: everything above, the accommodation and every grant with its reason."""
    grants = session.scalars(select(EnrolmentGrant).where(EnrolmentGrant.enrolment_id == enrolment.id)
                             .order_by(EnrolmentGrant.granted_at)).all()
    return progress_json(session, enrolment, now) | {
        "attempts": attempts_json(session, enrolment), "time_multiplier": str(enrolment.time_multiplier),
        "extra_attempts": enrolment.extra_attempts,
        "grants": [{"kind": grant.kind, "value": str(grant.value), "reason": grant.reason,
                    "granted_by": str(grant.granted_by), "granted_at": grant.granted_at.isoformat()}
                   for grant in grants]}
