"""Who is signed in: Flask-Login's user loader, starting and ending a session, and the idle timeout.

A session names the user *and* their session version: a password change raises the version, which ends every
other session at its next request. A session unused for ``session_lifetime_minutes`` ends too, checked here on
the server rather than trusted to the cookie's expiry.
"""
from __future__ import annotations

import time
import uuid

from flask import current_app, flash, session
from flask_babel import lazy_gettext as _l
from flask_login import login_user, logout_user

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
