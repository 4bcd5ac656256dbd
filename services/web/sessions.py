"""Who is signed in: Flask-Login's user loader, starting and ending a session, and the idle timeout.

A session names the user *and* their session version: a password change raises the version, which ends every
other session at its next request. A session unused for ``session_lifetime_minutes`` ends too, checked here on
the server rather than trusted to the cookie's expiry.
"""
from __future__ import annotations

import time
import uuid
from typing import Any

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from services.web.models import User
from services.web.runtime import get_runtime

LAST_SEEN = "last_seen"
KEPT_ACROSS_SESSIONS = ("language",)


def load_user(session_id: str) -> User | None:
    user_id, _, version = session_id.partition(":")
    try:
        key = uuid.UUID(user_id)
    except ValueError:
        return None
    with get_runtime().db.reading() as db:
        user = db.get(User, key)
    if user is None or str(user.session_version) != version:
        return None
    return user


def start_session(user: User) -> None:
    """A fresh session for ``user`` (nothing carried over from before the sign-in but the language)."""
    kept = {key: session[key] for key in KEPT_ACROSS_SESSIONS if key in session}
    session.clear()
    session.update(kept)
    session.permanent = True
    login_user(user)
    session[LAST_SEEN] = time.time()


def end_session() -> None:
    logout_user()
    kept = {key: session[key] for key in KEPT_ACROSS_SESSIONS if key in session}
    session.clear()
    session.update(kept)


def expire_idle_session() -> None:
    """Before each request: end a signed-in session that sat unused too long, else note it was used now."""
    if "_user_id" not in session:
        return
    lifetime = current_app.config["WSCC_SETTINGS"].session_lifetime_minutes * 60
    now = time.time()
    if now - float(session.get(LAST_SEEN, 0)) > lifetime:
        end_session()
        flash(str(_l("Your session ended after a period of inactivity. Please log in again.")), "info")
        return
    session[LAST_SEEN] = now


# What a user with a temporary password may still reach before choosing their own.
_OPEN_WITH_TEMPORARY_PASSWORD = {"account.change_password", "auth.logout", "language.switch", "static",
                                 "health.healthz", "health.readyz"}


def require_own_password() -> Any:
    """Before each request: an account whose password an administrator chose goes to "change password" first."""
    if (current_user.is_authenticated and current_user.password_change_required
            and request.endpoint not in _OPEN_WITH_TEMPORARY_PASSWORD):
        flash(str(_l("Your password was chosen by an administrator. Choose your own password to continue.")), "info")
        return redirect(url_for("account.change_password"))
    return None
