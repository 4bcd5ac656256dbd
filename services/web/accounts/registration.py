"""Signing up, the same way for companies and employees, and the same answer whatever the address.

Registering never says whether an address has an account (GOV.UK's "check your e-mail"): a new address gets an
unconfirmed account and a link to confirm it; an address with an account gets an e-mail saying someone tried,
and nothing changes. The password is hashed on both paths so neither answers faster. An account is announced
(company.registered, employee.registered) only once its address is confirmed.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.links import CONFIRM_EMAIL
from services.web.accounts.account_events import publish_registration_attempted
from services.web.accounts.account_links import open_link, retire_links, send_link
from services.web.accounts.passwords import hash_password
from services.web.accounts.profile_events import publish_company_profile, publish_employee_profile
from services.web.accounts.users import find_user_by_email, get_user
from services.web.models import AccountLink, Company, Role, User

# Makes the unconfirmed account from the password's hash (accounts.new_company, employees.new_employee).
AccountMaker = Callable[[Session, str], User]


def register(session: Session, email: str, password: str, make: AccountMaker, max_age_minutes: int) -> None:
    """Whatever the address, the caller answers "check your e-mail"; the e-mail says what happened."""
    password_hash = hash_password(password)
    existing = find_user_by_email(session, email)
    if existing is not None and existing.email_confirmed_at is not None:
        publish_registration_attempted(session, existing)
        return
    if existing is not None:
        # Never confirmed, so nobody proved they own the address (its password may be someone else's): the
        # newest registration replaces it, and only the newest link confirms.
        _discard(session, existing)
    send_link(session, make(session, password_hash), CONFIRM_EMAIL, max_age_minutes)


def resend_confirmation(session: Session, email: str, max_age_minutes: int) -> None:
    """A new link for an unconfirmed account; nothing for any other address (the caller answers the same)."""
    user = find_user_by_email(session, email)
    if user is not None and user.email_confirmed_at is None:
        send_link(session, user, CONFIRM_EMAIL, max_age_minutes)


def confirm_by_link(session: Session, secret: str, token: str) -> User | None:
    """The account whose address this link confirms (once), or None if the link does not work."""
    link = open_link(session, secret, CONFIRM_EMAIL, token)
    user = get_user(session, link.user_id) if link else None
    if user is None:
        return None
    retire_links(session, user, CONFIRM_EMAIL)
    confirm_account(session, user)
    return user


def confirm_account(session: Session, user: User) -> None:
    """The address is the owner's: the account is usable, and the services that follow people hear of it."""
    if user.email_confirmed_at is not None:
        return
    user.email_confirmed_at = utcnow()
    if user.role == Role.COMPANY:
        publish_company_profile(session, user, "company.registered")
    elif user.role == Role.EMPLOYEE:
        publish_employee_profile(session, user, "employee.registered")


def _discard(session: Session, user: User) -> None:
    company_id = user.company_id
    session.execute(delete(AccountLink).where(AccountLink.user_id == user.id))
    session.delete(user)
    session.flush()
    if company_id is not None:
        session.execute(delete(Company).where(Company.id == company_id))
