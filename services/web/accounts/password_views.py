"""Forgotten password: ask for a link (same answer whether or not the address has an account), then use it."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.accounts.account_views import personal_details
from services.web.accounts.auth_views import configured_limit, submitted_email
from services.web.accounts.forms import ForgotPasswordForm, NewPasswordForm
from services.web.accounts.password_reset import request_password_reset, reset_password, user_for_reset_token
from services.web.extensions import limiter
from services.web.runtime import current_runtime

bp = Blueprint("password", __name__, url_prefix="/password")


def _settings() -> Any:
    return current_app.config["WSCC_SETTINGS"]


@bp.route("/forgot", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
@limiter.limit(configured_limit("password_reset_rate_limit"), methods=["POST"], key_func=submitted_email)
def forgot() -> Any:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        settings = _settings()
        with current_runtime().db.unit_of_work() as session:
            request_password_reset(session, form.email.data, settings.password_reset_max_age_minutes)
        return render_template("auth/forgot_sent.html", minutes=settings.password_reset_max_age_minutes)
    return render_template("auth/forgot.html", form=form), 422 if form.errors else 200


# The path is common.links.LINK_PATHS["password_reset"]: notifications writes these links into e-mails.
@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str) -> Any:
    with current_runtime().db.unit_of_work() as session:
        user = user_for_reset_token(session, _settings().link_secret.get_secret_value(), token)
        if user is None:
            return render_template("auth/reset_invalid.html"), 404
        form = NewPasswordForm(known_email=user.email, known_personal=personal_details(user))
        if form.validate_on_submit():
            reset_password(session, user, form.password.data)
            flash(_("Your password was changed. Log in with your new password."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form), 422 if form.errors else 200
