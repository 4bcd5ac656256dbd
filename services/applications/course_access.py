"""The course and exam of the approved certification, opened for the employee when their license is redeemed."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import insert_ignoring_conflicts
from common.events.schemas import LicenseChange
from common.handlers import PermanentEventError
from services.applications.catalog import certification_summary
from services.applications.models import Application, Certification, CourseAccess
from services.applications.transitions import Status


def open_course_access(session: Session, redeemed: LicenseChange) -> bool:
    """Open access once per employee and certification; True if it was opened now."""
    approved = _approved_application(session, redeemed)
    certification_code = redeemed.certification.code if redeemed.certification else None
    certification_code = certification_code or (approved.certification_code if approved else None)
    if certification_code is None or session.get(Certification, certification_code) is None:
        # No approval of ours explains this redemption: retrying cannot help, so the run fails visibly in Flower.
        raise PermanentEventError(f"no approved certification for employee {redeemed.employee_id}")
    return insert_ignoring_conflicts(session, CourseAccess, {
        "employee_id": redeemed.employee_id, "certification_code": certification_code,
        "license_id": redeemed.license_id, "application_id": approved.id if approved else None,
        "opened_at": utcnow()}) == 1


def _approved_application(session: Session, redeemed: LicenseChange) -> Application | None:
    statement = select(Application).where(Application.employee_id == redeemed.employee_id,
                                          Application.status == Status.APPROVED)
    if redeemed.application_id is not None:
        statement = statement.where(Application.id == redeemed.application_id)
    return session.scalars(statement.order_by(Application.decided_at.desc()).limit(1)).unique().first()


def employee_course_access(session: Session, employee_id: uuid.UUID) -> list[dict]:
    rows = session.execute(select(CourseAccess, Certification).join(Certification)
                           .where(CourseAccess.employee_id == employee_id)
                           .order_by(CourseAccess.opened_at)).all()
    return [{"certification": certification_summary(certification), "opened_at": access.opened_at.isoformat()}
            for access, certification in rows]
