"""CREATE A NEW PROFILE, log in, log out."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from services.web.accounts import EmailTaken, authenticate, normalize_email, register_company
from services.web.extensions import limiter
from services.web.forms.accounts import EMAIL_TAKEN, LoginForm, RegistrationForm
from services.web.i18n import current_language
from services.web.runtime import get_runtime
from services.web.sessions import end_session, start_session
from services.web.views.access import home_for, safe_next

bp = Blueprint("auth", __name__)


def configured_limit(name: str) -> Any:
    """A rate limit read from the app's settings when a request comes (tests set their own)."""
    return lambda: getattr(current_app.config["WSCC_SETTINGS"], name)


def submitted_email() -> str:
    """Throttle key: the address being tried, whatever its case, so rotating addresses per IP and IPs per
    address are both slowed."""
    return "email:" + normalize_email(request.form.get("email", ""))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
def register() -> Any:
    form = RegistrationForm(language=current_language())
    if form.validate_on_submit():
        try:
            with get_runtime().db.unit_of_work() as session:
                user = register_company(session, form.details(), form.password.data)
        except EmailTaken:
            form.email.errors.append(str(EMAIL_TAKEN))
        else:
            start_session(user)
            flash(_("Your profile was created. Welcome!"), "success")
            return redirect(url_for("dashboard.show"))
    return render_template("auth/register.html", form=form), 422 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
@limiter.limit(configured_limit("login_rate_limit_per_email"), methods=["POST"], key_func=submitted_email)
def login() -> Any:
    if current_user.is_authenticated and request.method == "GET":
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        with get_runtime().db.unit_of_work() as session:
            user = authenticate(session, form.email.data, form.password.data)
        if user is not None:
            start_session(user)
            return redirect(safe_next(request.args.get("next"), home_for(user)))
        form.form_errors.append(_("The e-mail address or the password is not right."))
    return render_template("auth/login.html", form=form), 422 if form.errors or form.form_errors else 200


@bp.post("/logout")
def logout() -> Any:
    end_session()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"))
