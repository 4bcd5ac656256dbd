"""The people the courses service names by id only (candidates, the staff who granted or decided, companies): web
owns identities, so their names come from web's own records."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from services.web.accounts.users import find_user_by_email
from services.web.models import Company, Role, User
from services.web.runtime import current_runtime


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    email: str
    role: str


def _uuids(ids: Iterable[str | None]) -> list[uuid.UUID]:
    keys = []
    for value in ids:
        try:
            keys.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return keys


def people(ids: Iterable[str | None]) -> dict[str, Person]:
    keys = _uuids(ids)
    if not keys:
        return {}
    with current_runtime().db.reading() as session:
        rows = session.scalars(select(User).where(User.id.in_(keys))).all()
        return {str(user.id): Person(str(user.id), user.name, user.email, user.role) for user in rows}


def company_names(ids: Iterable[str | None]) -> dict[str, str]:
    keys = _uuids(ids)
    if not keys:
        return {}
    with current_runtime().db.reading() as session:
        rows = session.execute(select(Company.id, Company.legal_name).where(Company.id.in_(keys))).all()
    return {str(company_id): name for company_id, name in rows}


def employee_id_for(typed: str) -> uuid.UUID | None:
    """An employee's id typed as such, or found by the e-mail address of their account."""
    typed = typed.strip()
    try:
        return uuid.UUID(typed)
    except ValueError:
        pass
    with current_runtime().db.reading() as session:
        user = find_user_by_email(session, typed)
        return user.id if user is not None and user.role == Role.EMPLOYEE else None
