"""The language switch on every page, without JavaScript.

A link (GET) changes only the language of this browser's pages: a link from another site can follow it, so it must
not change anything stored. A signed-in person's switch is a small form (POST with its CSRF token) that also saves
the choice on the account, which their e-mails follow.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user

from services.web.access import safe_next
from services.web.accounts.users import get_user, set_language
from services.web.i18n import LANGUAGE_COOKIE, choose_page_language, follow_account_language, supported_languages
from services.web.runtime import current_runtime

bp = Blueprint("language", __name__)
ONE_YEAR = 365 * 24 * 3600


@bp.route("/language/<code>", methods=["GET", "POST"])
def switch(code: str) -> Any:
    """GET: this browser's pages only (session and cookie). POST (CSRF-checked): the account's language too."""
    if code not in supported_languages():
        abort(404)
    if request.method == "POST" and current_user.is_authenticated:
        with current_runtime().db.unit_of_work() as db:
            set_language(db, get_user(db, current_user.id), code)
        follow_account_language(code)
    else:
        choose_page_language(code)
    response = redirect(safe_next(request.values.get("next"), url_for("public.home")),
                        303 if request.method == "POST" else 302)
    response.set_cookie(LANGUAGE_COOKIE, code, max_age=ONE_YEAR, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response
