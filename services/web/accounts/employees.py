"""Employees (candidates): registration and profile changes, each published for the services that follow them.

The e-mail address is unique across every account, whatever its case: an employee cannot take a company
representative's or a reviewer's address.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from common.clock import utcnow
from services.web.accounts.account_events import publish_email_changed
from services.web.accounts.profile_events import publish_employee_profile
from services.web.accounts.users import email_change, ensure_email_free, flush_or_email_taken, normalize_email
from services.web.models import Role, User


@dataclass(frozen=True)
class EmployeeDetails:
    name: str
    email: str
    phone: str
    language: str


def new_employee(session: Session, details: EmployeeDetails, password_hash: str) -> User:
    """A new employee account, not confirmed yet: nothing is published until the address is."""
    user = User(id=uuid.uuid4(), role=Role.EMPLOYEE, company_id=None, password_hash=password_hash,
                created_at=utcnow())
    _apply_details(user, details)
    session.add(user)
    flush_or_email_taken(session, details.email)
    return user


def update_employee(session: Session, user: User, details: EmployeeDetails, current_password: str | None) -> None:
    """The employee changed their profile; publishes employee.updated (and user.email_changed)."""
    old_email = email_change(user, details.email, current_password)  # first: no hint of others' addresses
    ensure_email_free(session, details.email, user)
    _apply_details(user, details)
    flush_or_email_taken(session, details.email)
    publish_employee_profile(session, user, "employee.updated")
    if old_email is not None:
        publish_email_changed(session, user, old_email)


def _apply_details(user: User, details: EmployeeDetails) -> None:
    user.name = details.name.strip()
    user.email, user.email_normalized = details.email.strip(), normalize_email(details.email)
    user.phone = details.phone.strip()
    user.language = details.language
