"""Who may open a page: every route names the roles it serves; anyone else is sent to log in or refused."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import abort, current_app, url_for
from flask_login import current_user


def role_required(*roles: str) -> Callable:
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return guarded
    return decorate


def home_for(user: Any) -> str:
    """Where a user lands after signing in."""
    if user.role == "company":
        return url_for("dashboard.show")
    if user.role == "admin":
        return url_for("admin.held_orders")
    if user.role == "employee":
        return url_for("employee.home")
    if user.role == "reviewer":
        return url_for("review.queue")
    return url_for("account.profile")


def safe_next(target: str | None, fallback: str) -> str:
    """A "come back to" address only if it stays on this site (no open redirect)."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return fallback
    return target
