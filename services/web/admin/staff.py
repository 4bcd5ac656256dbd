"""WSCC staff accounts (reviewers, administrators) made by an administrator from the portal, and any account an
administrator disables (or enables again)."""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from services.web.accounts.passwords import hash_password
from services.web.accounts.session_store import EndReason, end_user_sessions
from services.web.accounts.users import ensure_email_free, flush_or_email_taken, normalize_email
from services.web.models import Role, User

log = logging.getLogger(__name__)

STAFF_ROLES = (Role.REVIEWER, Role.ADMIN)


@dataclass(frozen=True)
class StaffDetails:
    name: str
    email: str
    role: Role
    language: str


def add_staff_user(session: Session, details: StaffDetails, temporary_password: str) -> User:
    """A new staff account; unlike the command line's, it never takes over an existing address.

    The administrator chose the password, so its owner must replace it at the first sign-in.
    """
    assert details.role in STAFF_ROLES
    ensure_email_free(session, details.email)
    user = User(id=uuid.uuid4(), role=details.role, company_id=None, name=details.name.strip(),
                email=details.email.strip(), email_normalized=normalize_email(details.email),
                language=details.language, password_hash=hash_password(temporary_password),
                password_change_required=True, created_at=utcnow(), email_confirmed_at=utcnow())
    session.add(user)
    flush_or_email_taken(session, details.email)
    return user


def list_staff(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.role.in_([role.value for role in STAFF_ROLES]))
                                .order_by(User.role, User.name)))


class OwnAccount(Exception):
    """An administrator cannot disable the account they are using."""


def disable_account(session: Session, user: User, by: uuid.UUID) -> int:
    """The account can no longer sign in and every session it has ends now; returns how many ended."""
    if user.id == by:
        raise OwnAccount(str(by))
    if user.disabled_at is None:
        user.disabled_at = utcnow()
    ended = end_user_sessions(session, user.id, EndReason.DISABLED, user.disabled_at)
    log.info("account disabled", extra={"user_id": str(user.id), "by": str(by), "sessions_ended": ended})
    return ended


def enable_account(session: Session, user: User, by: uuid.UUID) -> None:
    user.disabled_at = None
    log.info("account enabled", extra={"user_id": str(user.id), "by": str(by)})
