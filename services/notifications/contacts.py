"""Who to write to: each company's representative and each employee, as the front door last said.

Both are local projections of web's profile events; the newest event wins whatever order they arrive in.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import dialect_insert
from common.events.schemas import CompanyProfile, EmployeeProfile
from services.notifications.models import CompanyContact, EmployeeContact


class RecipientNotKnownYet(Exception):
    """An event about a company or an employee arrived before their own profile event: retried until it is handled."""


def save_newest(session: Session, model: type, key: str, values: dict[str, Any]) -> None:
    """Insert or update the row keyed by ``values[key]``, unless what is stored comes from a newer event (as_of)."""
    table = model.__table__
    statement = dialect_insert(session)(table).values(values)
    # One statement, so two events about one new row cannot both try to insert it.
    session.execute(statement.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={name: statement.excluded[name] for name in values if name != key},
        where=table.c.as_of <= statement.excluded.as_of,
    ))


def save_company_contact(session: Session, profile: CompanyProfile, as_of: datetime) -> None:
    save_newest(session, CompanyContact, "company_id", {
        "company_id": profile.company_id, "legal_name": profile.legal_name,
        "representative_name": profile.representative_name, "email": str(profile.email),
        "language": profile.language, "as_of": as_of})


def company_contact(session: Session, company_id: uuid.UUID) -> CompanyContact:
    contact = session.get(CompanyContact, company_id)
    if contact is None:
        raise RecipientNotKnownYet(f"company {company_id} is not known yet")
    return contact


def save_employee_contact(session: Session, profile: EmployeeProfile, as_of: datetime) -> None:
    save_newest(session, EmployeeContact, "employee_id", {
        "employee_id": profile.employee_id, "name": profile.name, "email": str(profile.email),
        "language": profile.language, "as_of": as_of})


def employee_contact(session: Session, employee_id: uuid.UUID, *, lock: bool = False) -> EmployeeContact:
    """The employee's contact; ``lock`` holds their row until commit, so handlers about one employee take turns."""
    query = select(EmployeeContact).where(EmployeeContact.employee_id == employee_id)
    contact = session.scalar(query.with_for_update() if lock else query)
    if contact is None:
        raise RecipientNotKnownYet(f"employee {employee_id} is not known yet")
    return contact
