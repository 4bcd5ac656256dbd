"""Events of the employee's journey, of a license's life and of the course, the exam and the certificate, as web,
applications, licenses and courses publish them."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from common.db import Database
from common import codes
from common.events import Event
from common.events.schemas import (
    ApplicationApproved, ApplicationChange, ApplicationRefused, CertificateChange, Certification, EmployeeProfile,
    EnrolmentChange, ExamResult, LicenseChange)
from services.notifications.handlers import handlers
from services.notifications.models import Inbox
from tests.integration.notifications.support import unique_email

UNDERGROUND = Certification(code="shift_boss_underground", name_en="Shift Boss – Underground",
                            name_fr="Chef de poste – mine souterraine")
APPROVED_AT = datetime(2026, 3, 15, 21, 5, tzinfo=UTC)
REDEEM_BY = APPROVED_AT + timedelta(days=90)  # June 13, 2026, 3:05 p.m. in Yellowknife


def employee(name: str, language: str) -> EmployeeProfile:
    return EmployeeProfile(employee_id=uuid.uuid4(), name=name, email=unique_email("employee"),
                           phone="867-555-0199", language=language)


def application(person: EmployeeProfile, at: datetime = APPROVED_AT) -> ApplicationChange:
    return ApplicationChange(application_id=uuid.uuid4(), employee_id=person.employee_id, certification=UNDERGROUND,
                             at=at)


def approval(submitted: ApplicationChange, redeem_by: datetime = REDEEM_BY) -> ApplicationApproved:
    return ApplicationApproved(application_id=submitted.application_id, employee_id=submitted.employee_id,
                               certification=UNDERGROUND, approved_at=APPROVED_AT, redeem_by=redeem_by)


def refusal(submitted: ApplicationChange, reason: str, at: datetime = APPROVED_AT) -> ApplicationRefused:
    return ApplicationRefused(application_id=submitted.application_id, employee_id=submitted.employee_id,
                              certification=UNDERGROUND, refused_at=at, reason=reason)


def license_change(license_id: uuid.UUID, company_id: uuid.UUID, person: EmployeeProfile, at: datetime,
                   **changes) -> LicenseChange:
    return LicenseChange(license_id=license_id, company_id=company_id, employee_id=person.employee_id, at=at,
                         **changes)


OPENED_AT = datetime(2026, 6, 19, 15, 0, tzinfo=UTC)
ACCESS_ENDS_AT = datetime(2026, 9, 17, 15, 0, tzinfo=UTC)  # Sept 17, 2026, 9:00 a.m. in Yellowknife


def enrolment(person: EmployeeProfile, company_id: uuid.UUID, **changes) -> EnrolmentChange:
    """A newly opened enrolment of 12 lessons and 3 attempts; ``changes`` move it along."""
    values = dict(enrolment_id=uuid.uuid4(), license_id=uuid.uuid4(), company_id=company_id,
                  employee_id=person.employee_id, certification=UNDERGROUND, at=OPENED_AT,
                  access_ends_at=ACCESS_ENDS_AT, lessons_done=0, lessons_total=12, attempts_used=0,
                  attempts_allowed=3)
    return EnrolmentChange(**(values | changes))


def exam_result(enrolled: EnrolmentChange, number: int, score: str, passed: bool = False,
                next_attempt_at: datetime | None = None) -> ExamResult:
    """Attempt ``number`` graded: as courses sends it, with that many attempts used."""
    return ExamResult(**(enrolled.model_dump() | {"at": OPENED_AT + timedelta(days=10 * number),
                                                   "lessons_done": enrolled.lessons_total,
                                                   "attempts_used": number}),
                      attempt_id=uuid.uuid4(), attempt_number=number, score_percent=Decimal(score),
                      pass_mark_percent=80, passed=passed, next_attempt_at=next_attempt_at)


def certificate(enrolled: EnrolmentChange, **changes) -> CertificateChange:
    issued_at = OPENED_AT + timedelta(days=21, hours=3)  # July 10, 2026, 12:00 p.m. in Yellowknife
    values = dict(number=codes.random_code(9), enrolment_id=enrolled.enrolment_id, license_id=enrolled.license_id,
                  company_id=enrolled.company_id, employee_id=enrolled.employee_id, certification=UNDERGROUND,
                  at=issued_at, issued_at=issued_at, expires_at=issued_at.replace(year=2029), status="valid")
    return CertificateChange(**(values | changes))


def all_handled(db: Database, *events: Event) -> bool:
    """Every handler of every one of these events has run to the end (its inbox row is committed)."""
    expected = sum(len(handlers.by_type[event.type]) for event in {e.id: e for e in events}.values())
    with db.reading() as session:
        done = session.scalar(select(func.count()).select_from(Inbox)
                              .where(Inbox.event_id.in_({event.id for event in events})))
    return done == expected
