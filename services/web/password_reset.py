"""Password reset links: signed, valid for a configured time, and single-use.

A link names the user and their session version; using it sets a new password, which raises the version, so
the same link (and any older one) stops working at once.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from common.events import new_event
from common.events.schemas import PasswordResetRequested
from common.outbox import record_event
from services.web.accounts import find_user_by_email, get_user
from services.web.models import Outbox, User

SALT = "wscc.password-reset.v1"


def make_reset_token(secret: str, user: User) -> str:
    return URLSafeTimedSerializer(secret, salt=SALT).dumps({"user": str(user.id), "version": user.session_version})


def user_for_reset_token(session: Session, secret: str, token: str, max_age_minutes: int) -> User | None:
    try:
        payload = URLSafeTimedSerializer(secret, salt=SALT).loads(token, max_age=max_age_minutes * 60)
        user = get_user(session, uuid.UUID(payload["user"]))
    except (BadSignature, SignatureExpired, KeyError, TypeError, ValueError):
        return None
    if user is None or user.session_version != payload.get("version"):
        return None
    return user


def request_password_reset(session: Session, secret: str, email: str, max_age_minutes: int,
                           reset_url: Callable[[str], str]) -> None:
    """Publish a reset link if the address has an account; the caller answers the same either way."""
    user = find_user_by_email(session, email)
    if user is None:
        return
    record_event(session, Outbox, new_event("user.password_reset_requested", PasswordResetRequested(
        user_id=user.id, email=user.email, name=user.name, language=user.language,
        reset_url=reset_url(make_reset_token(secret, user)), expires_in_minutes=max_age_minutes)))
