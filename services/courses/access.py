"""The end of an enrolment's access period: what was not passed by then is over, and is said so once."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.courses.enrolling import announce
from services.courses.models import Attempt, Enrolment, EnrolmentStatus

STILL_LEARNING = (EnrolmentStatus.IN_COURSE, EnrolmentStatus.EXAM_OPEN)


def expire_ended_access(session: Session, now: datetime, limit: int) -> int:
    """Enrolments still learning past access_ends_at become access_expired (an attempt still open is graded
    first by the attempts sweep: its deadline is never later than the end of access)."""
    still_open = select(Attempt.id).where(Attempt.enrolment_id == Enrolment.id, Attempt.submitted_at.is_(None))
    rows = session.scalars(select(Enrolment).where(Enrolment.status.in_(STILL_LEARNING),
                                                   Enrolment.access_ends_at <= now, ~still_open.exists())
                           .order_by(Enrolment.access_ends_at).limit(limit)
                           .with_for_update(skip_locked=True, of=Enrolment)).all()
    for enrolment in rows:
        enrolment.status, enrolment.finished_at = EnrolmentStatus.ACCESS_EXPIRED, now
        announce(session, "course.access_expired", enrolment, now)
    return len(rows)
