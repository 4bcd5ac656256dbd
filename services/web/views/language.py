"""The language switch on every page: plain links, so it works without JavaScript."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, request, session, url_for
from flask_login import current_user

from services.web.accounts import get_user, set_language
from services.web.i18n import LANGUAGE_COOKIE, supported_languages
from services.web.runtime import get_runtime
from services.web.views.access import safe_next

bp = Blueprint("language", __name__)
ONE_YEAR = 365 * 24 * 3600


@bp.get("/language/<code>")
def switch(code: str) -> Any:
    """Remember the choice in the session and a cookie, and on the account of a signed-in user."""
    if code not in supported_languages():
        abort(404)
    session["language"] = code
    if current_user.is_authenticated:
        with get_runtime().db.unit_of_work() as db:
            set_language(db, get_user(db, current_user.id), code)
    response = redirect(safe_next(request.args.get("next"), url_for("public.home")))
    response.set_cookie(LANGUAGE_COOKIE, code, max_age=ONE_YEAR, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response
