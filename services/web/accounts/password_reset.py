"""Password reset links: a row per link, valid for a configured time, single-use (account_links.py).

Using a link sets a new password, which raises the session version (every session ends), retires every other
reset link of the account, and tells the owner. Following it also proves the address is theirs, so an account
never confirmed is confirmed by it.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from common.links import PASSWORD_RESET
from services.web.accounts.account_links import open_link, retire_links, send_link
from services.web.accounts.registration import confirm_account
from services.web.accounts.users import change_password, find_user_by_email, get_user
from services.web.models import User


def request_password_reset(session: Session, email: str, max_age_minutes: int) -> None:
    """Send a reset link if the address has an account; the caller answers the same either way."""
    user = find_user_by_email(session, email)
    if user is not None:
        send_link(session, user, PASSWORD_RESET, max_age_minutes)


def user_for_reset_token(session: Session, secret: str, token: str) -> User | None:
    """The account this reset link opens, or None if it is forged, used or expired."""
    link = open_link(session, secret, PASSWORD_RESET, token)
    return get_user(session, link.user_id) if link else None


def reset_password(session: Session, user: User, password: str) -> None:
    """Call with a user from user_for_reset_token in the same unit of work (the link stays locked until commit)."""
    retire_links(session, user, PASSWORD_RESET)
    change_password(session, user, password, "reset")
    confirm_account(session, user)
