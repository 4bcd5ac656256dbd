"""Who is signed in, the Flask side: the cookie holds only a random session key, the session itself is a row
(session_store.py) that logout, a password change or an administrator ends on the server.

Before each request the key is looked up; a session that sat unused for ``session_lifetime_minutes``, or is
older than ``session_absolute_lifetime_hours``, ends there, whatever the cookie's own expiry says.
"""
from __future__ import annotations

from typing import Any

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_user, logout_user

from common.clock import utcnow
from services.web.accounts import session_store as store
from services.web.models import User
from services.web.runtime import current_runtime

# Flask-Login's own key in the cookie: it holds our session key, never the user's id.
SESSION_KEY = "_user_id"
KEPT_ACROSS_SESSIONS = ("language",)


def _limits() -> store.Limits:
    return store.Limits.from_settings(current_app.config["WSCC_SETTINGS"])


def load_user(key: str) -> User | None:
    """Flask-Login's user loader: the user ``check_session`` found for this request's key."""
    user = g.get("session_user")
    return user if user is not None and user.session_key == key else None


def check_session() -> None:
    """Before each request: find the live session the cookie names, or forget it (saying why if it timed out)."""
    key = session.get(SESSION_KEY)
    if not key or request.endpoint == "static":
        return
    with current_runtime().db.unit_of_work() as db:
        found = store.find_session(db, str(key), _limits(), utcnow())
    if found.user is None:
        _forget_browser()
        if found.ended is store.EndReason.IDLE:
            flash(str(_l("Your session ended after a period of inactivity. Please log in again.")), "info")
        elif found.ended is store.EndReason.EXPIRED:
            hours = round(current_app.config["WSCC_SETTINGS"].session_absolute_lifetime_hours)
            flash(ngettext("For your security, a session lasts at most %(num)d hour. Please log in again.",
                           "For your security, a session lasts at most %(num)d hours. Please log in again.",
                           hours), "info")
        return
    found.user.session_key = str(key)
    g.session_user = found.user


def start_session(user: User) -> None:
    """A fresh session for ``user`` with a new key (the one before, if any, ends: no fixation). Nothing is
    carried over from before the sign-in but the language."""
    old_key = session.get(SESSION_KEY)
    now = utcnow()
    with current_runtime().db.unit_of_work() as db:
        if old_key:
            store.end_session(db, str(old_key), store.EndReason.RENEWED, now)
        user.session_key = store.open_session(db, user, now)
    _forget_browser()
    session.permanent = True
    login_user(user)
    g.session_user = user


def end_session() -> None:
    """Log out: the session ends on the server, so a saved copy of the cookie opens nothing."""
    key = session.get(SESSION_KEY)
    if key:
        with current_runtime().db.unit_of_work() as db:
            store.end_session(db, str(key), store.EndReason.LOGOUT, utcnow())
    _forget_browser()


def _forget_browser() -> None:
    logout_user()
    g.pop("session_user", None)
    kept = {name: session[name] for name in KEPT_ACROSS_SESSIONS if name in session}
    session.clear()
    session.update(kept)


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
