"""Events of the employee's journey and of a license's life, as web, applications and licenses publish them."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from common.db import Database
from common.events import Event
from common.events.schemas import (
    ApplicationApproved, ApplicationChange, ApplicationRefused, Certification, EmployeeProfile, LicenseChange)
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


def all_handled(db: Database, *events: Event) -> bool:
    """Every handler of every one of these events has run to the end (its inbox row is committed)."""
    expected = sum(len(handlers.by_type[event.type]) for event in {e.id: e for e in events}.values())
    with db.reading() as session:
        done = session.scalar(select(func.count()).select_from(Inbox)
                              .where(Inbox.event_id.in_({event.id for event in events})))
    return done == expected
