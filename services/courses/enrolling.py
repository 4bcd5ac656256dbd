"""Enrolments: opened once per redeemed license, on the certification's published edition, for its access period;
and the events that tell the other services where an enrolment stands."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.clock import parse_instant
from common.db import insert_ignoring_conflicts
from common.events import new_event
from common.events.schemas import Certification, EmployeeProfile, EnrolmentChange, LicenseChange
from common.handlers import PermanentEventError
from common.outbox import record_event
from common.refusals import NotFound
from services.courses.editions import published_edition
from services.courses.models import (Attempt, Employee, Enrolment, EnrolmentStatus, Lesson, LessonProgress, Outbox)


def open_enrolment(session: Session, redeemed: LicenseChange) -> Enrolment | None:
    """The course opens once per license, whatever arrives twice; None if it was open already."""
    if redeemed.certification is None:
        # Retrying cannot tell us which course to open: the run fails visibly in Flower.
        raise PermanentEventError(f"license {redeemed.license_id} was redeemed without a certification")
    edition = published_edition(session, redeemed.certification.code)
    opened_at = parse_instant(redeemed.at)
    enrolment_id = uuid.uuid4()
    inserted = insert_ignoring_conflicts(session, Enrolment, {
        "id": enrolment_id, "license_id": redeemed.license_id, "employee_id": redeemed.employee_id,
        "company_id": redeemed.company_id, "certification_code": redeemed.certification.code,
        "certification_name_en": redeemed.certification.name_en,
        "certification_name_fr": redeemed.certification.name_fr, "edition_id": edition.id,
        "status": EnrolmentStatus.IN_COURSE, "opened_at": opened_at,
        "access_ends_at": opened_at + timedelta(days=edition.access_days), "extra_attempts": 0})
    if not inserted:
        return None
    enrolment = session.get(Enrolment, enrolment_id)
    announce(session, "course.opened", enrolment, opened_at)
    return enrolment


def employee_enrolment(session: Session, enrolment_id: uuid.UUID, employee_id: uuid.UUID, *,
                       for_update: bool = False) -> Enrolment:
    """The employee's own enrolment; someone else's answers as if it did not exist."""
    statement = select(Enrolment).where(Enrolment.id == enrolment_id, Enrolment.employee_id == employee_id)
    if for_update:
        statement = statement.with_for_update(of=Enrolment).execution_options(populate_existing=True)
    enrolment = session.scalars(statement).first()
    if enrolment is None:
        raise NotFound("not_found")
    return enrolment


def lock_enrolment(session: Session, enrolment_id: uuid.UUID) -> Enrolment:
    enrolment = session.scalars(select(Enrolment).where(Enrolment.id == enrolment_id)
                                .with_for_update(of=Enrolment).execution_options(populate_existing=True)).first()
    if enrolment is None:
        raise NotFound("not_found")
    return enrolment


def lesson_counts(session: Session, enrolment: Enrolment) -> tuple[int, int]:
    done = session.scalar(select(func.count()).select_from(LessonProgress)
                          .where(LessonProgress.enrolment_id == enrolment.id)) or 0
    total = session.scalar(select(func.count()).select_from(Lesson).where(Lesson.edition_id == enrolment.edition_id))
    return done, total or 0


def attempts_used(session: Session, enrolment: Enrolment) -> int:
    return session.scalar(select(func.count()).select_from(Attempt).where(Attempt.enrolment_id == enrolment.id)) or 0


def attempts_allowed(enrolment: Enrolment) -> int:
    return enrolment.edition.attempts_allowed + enrolment.extra_attempts


def certification_of(enrolment: Enrolment) -> Certification:
    return Certification(code=enrolment.certification_code, name_en=enrolment.certification_name_en,
                         name_fr=enrolment.certification_name_fr)


def change_data(session: Session, enrolment: Enrolment, at: datetime) -> dict:
    done, total = lesson_counts(session, enrolment)
    return {"enrolment_id": enrolment.id, "license_id": enrolment.license_id, "company_id": enrolment.company_id,
            "employee_id": enrolment.employee_id, "certification": certification_of(enrolment), "at": at,
            "access_ends_at": enrolment.access_ends_at, "lessons_done": done, "lessons_total": total,
            "attempts_used": attempts_used(session, enrolment), "attempts_allowed": attempts_allowed(enrolment)}


def announce(session: Session, event_type: str, enrolment: Enrolment, at: datetime) -> None:
    record_event(session, Outbox, new_event(event_type, EnrolmentChange(**change_data(session, enrolment, at))))


def save_employee(session: Session, profile: EmployeeProfile, as_of: datetime) -> None:
    """The name a certificate will carry; an older event never undoes a newer one."""
    insert_ignoring_conflicts(session, Employee, {"employee_id": profile.employee_id})
    employee = session.scalars(select(Employee).where(Employee.employee_id == profile.employee_id)
                               .with_for_update().execution_options(populate_existing=True)).one()
    as_of = parse_instant(as_of)
    if employee.updated_at is None or as_of >= employee.updated_at:
        employee.name, employee.language, employee.updated_at = profile.name, profile.language, as_of
