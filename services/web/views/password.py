"""Forgotten password: ask for a link (same answer whether or not the address has an account), then use it."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.accounts import set_password
from services.web.extensions import limiter
from services.web.forms.accounts import ForgotPasswordForm, NewPasswordForm
from services.web.password_reset import request_password_reset, user_for_reset_token
from services.web.runtime import get_runtime
from services.web.views.auth import configured_limit, submitted_email
from services.web.views.links import public_url_for

bp = Blueprint("password", __name__, url_prefix="/password")


def _settings() -> Any:
    return current_app.config["WSCC_SETTINGS"]


def _reset_url(token: str) -> str:
    return public_url_for("password.reset", token=token)


@bp.route("/forgot", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
@limiter.limit(configured_limit("password_reset_rate_limit"), methods=["POST"], key_func=submitted_email)
def forgot() -> Any:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        settings = _settings()
        with get_runtime().db.unit_of_work() as session:
            request_password_reset(session, settings.secret_key.get_secret_value(), form.email.data,
                                   settings.password_reset_max_age_minutes, _reset_url)
        return render_template("auth/forgot_sent.html", minutes=settings.password_reset_max_age_minutes)
    return render_template("auth/forgot.html", form=form), 422 if form.errors else 200


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str) -> Any:
    settings = _settings()
    with get_runtime().db.unit_of_work() as session:
        user = user_for_reset_token(session, settings.secret_key.get_secret_value(), token,
                                    settings.password_reset_max_age_minutes)
        if user is None:
            return render_template("auth/reset_invalid.html"), 404
        form = NewPasswordForm(known_email=user.email)
        if form.validate_on_submit():
            set_password(user, form.password.data)
            flash(_("Your password was changed. Log in with your new password."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form), 422 if form.errors else 200
