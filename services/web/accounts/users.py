"""People and companies: accounts, profile changes, sign-in checks and passwords (registration.py: signing up).

Every change a consumer must know about is recorded in the outbox in the caller's unit of work.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from common.clock import utcnow
from common.links import PASSWORD_RESET
from services.web.accounts.account_events import publish_email_changed, publish_password_changed
from services.web.accounts.account_links import retire_links
from services.web.accounts.passwords import hash_password, needs_rehash, verify_password
from services.web.accounts.profile_events import publish_company_profile, publish_profile_change
from services.web.accounts.session_store import EndReason, end_user_sessions
from services.web.models import Company, Role, User


class EmailTaken(Exception):
    """Another account already uses this address (whatever its case)."""


class WrongPassword(Exception):
    """The sign-in address may change only with the account's current password, and it was not given."""


@dataclass(frozen=True)
class CompanyDetails:
    legal_name: str
    representative_name: str
    email: str
    phone: str
    mailing_address: str
    employer_account_number: str | None
    site: str | None
    language: str


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email_normalized == normalize_email(email)))


def get_user(session: Session, user_id: uuid.UUID) -> User | None:
    return session.get(User, user_id)


def new_company(session: Session, details: CompanyDetails, password_hash: str) -> User:
    """A company and its representative, not confirmed yet: nothing is published until the address is."""
    now = utcnow()
    company = Company(id=uuid.uuid4(), created_at=now, updated_at=now)
    user = User(id=uuid.uuid4(), role=Role.COMPANY, company=company, password_hash=password_hash,
                created_at=now)
    _apply_details(company, user, details)
    session.add_all([company, user])
    flush_or_email_taken(session, details.email)
    return user


def update_company(session: Session, user: User, details: CompanyDetails, current_password: str | None) -> None:
    """The representative changed the profile; publishes company.updated (and user.email_changed)."""
    old_email = email_change(user, details.email, current_password)  # first: no hint of others' addresses
    ensure_email_free(session, details.email, user)
    assert user.company is not None, "only a company representative has a company profile"
    _apply_details(user.company, user, details)
    user.company.updated_at = utcnow()
    flush_or_email_taken(session, details.email)
    publish_company_profile(session, user, "company.updated")
    if old_email is not None:
        publish_email_changed(session, user, old_email)


def email_change(user: User, new_email: str, current_password: str | None) -> str | None:
    """The address being replaced, if the sign-in address changes; raises WrongPassword unless the current
    password was given (whoever borrows a signed-in session must not take the account with its address)."""
    if normalize_email(new_email) == user.email_normalized:
        return None
    if not verify_password(user.password_hash, current_password or ""):
        raise WrongPassword()
    return user.email


def set_language(session: Session, user: User, language: str) -> None:
    if user.language == language:
        return
    user.language = language
    publish_profile_change(session, user)  # e-mails follow the person's language


def create_staff_user(session: Session, email: str, name: str, role: Role, password: str, language: str) -> User:
    """An account without a company (administrator, reviewer); updated in place if the address exists."""
    user = find_user_by_email(session, email)
    if user is None:
        user = User(id=uuid.uuid4(), created_at=utcnow(), email_confirmed_at=utcnow())
        session.add(user)
    user.email, user.email_normalized, user.name = email.strip(), normalize_email(email), name
    user.role, user.language, user.company_id = role, language, None
    set_password(user, password)
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The account these credentials open, or None; upgrades an outdated hash while it has the password."""
    user = find_user_by_email(session, email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if user.is_active:  # a disabled account's right password signs nobody in
        user.last_login_at = utcnow()
    return user


def change_password(session: Session, user: User, password: str, how: str) -> None:
    """The owner chose a new password (``how``: "changed" signed in, "reset" by an e-mailed link); they are told."""
    set_password(user, password)
    publish_password_changed(session, user, how)


def set_password(user: User, password: str) -> None:
    """New password; every existing session of this user ends (the caller may start a new one), and every
    reset link sent before stops working."""
    user.password_hash = hash_password(password)
    user.password_change_required = False
    session = object_session(user)
    if session is not None and user.id is not None:
        end_user_sessions(session, user.id, EndReason.PASSWORD, utcnow())
        retire_links(session, user, PASSWORD_RESET)


def _apply_details(company: Company, user: User, details: CompanyDetails) -> None:
    company.legal_name = details.legal_name.strip()
    company.phone = details.phone.strip()
    company.mailing_address = details.mailing_address.strip()
    company.employer_account_number = (details.employer_account_number or "").strip() or None
    company.site = (details.site or "").strip() or None
    user.name = details.representative_name.strip()
    user.email, user.email_normalized = details.email.strip(), normalize_email(details.email)
    user.language = details.language


def ensure_email_free(session: Session, email: str, user: User | None = None) -> None:
    """Raise EmailTaken when another account (any role, any case) already uses this address."""
    other = find_user_by_email(session, email)
    if other is not None and (user is None or other.id != user.id):
        raise EmailTaken(email)


def flush_or_email_taken(session: Session, email: str) -> None:
    """The unique index is the last word when two registrations with one address race."""
    try:
        session.flush()
    except IntegrityError as error:
        raise EmailTaken(email) from error

