"""CREATE A NEW PROFILE, log in, log out."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events import new_event
from common.events.schemas import LoginAttemptsSuspected
from common.outbox import record_event
from services.web.access import home_for, safe_next
from services.web.accounts.forms import ConfirmEmailForm, LoginForm, RegistrationForm, ResendConfirmationForm
from services.web.accounts.registration import AccountMaker, confirm_by_link, register as register_account
from services.web.accounts.registration import resend_confirmation
from services.web.accounts.sessions import end_session, start_session
from services.web.accounts.throttles import WINDOW_SECONDS, Attempt, login_throttle
from services.web.accounts.users import EmailTaken, authenticate, find_user_by_email, new_company, normalize_email
from services.web.extensions import limiter
from services.web.i18n import current_language
from services.web.models import Outbox, User
from services.web.runtime import current_runtime

bp = Blueprint("auth", __name__)


def configured_limit(name: str) -> Any:
    """A rate limit read from the app's settings when a request comes (tests set their own)."""
    return lambda: getattr(current_app.config["WSCC_SETTINGS"], name)


def submitted_email() -> str:
    """Throttle key: the address being tried, whatever its case, so rotating addresses per IP and IPs per
    address are both slowed."""
    return "email:" + normalize_email(request.form.get("email", ""))


def finish_registration(email: str, password: str, make: AccountMaker) -> Any:
    """The same "check your e-mail" page whether or not the address has an account (the e-mail says which)."""
    minutes = current_app.config["WSCC_SETTINGS"].email_confirmation_max_age_minutes
    try:
        with current_runtime().db.unit_of_work() as session:
            register_account(session, email, password, make, minutes)
    except EmailTaken:
        pass  # the same address registered at the same moment: that registration sends the e-mail
    return _check_email(email)


def _check_email(email: str) -> Any:
    minutes = current_app.config["WSCC_SETTINGS"].email_confirmation_max_age_minutes
    return render_template("auth/check_email.html", email=email, hours=max(1, minutes // 60),
                           resend=ResendConfirmationForm(email=email))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
def register() -> Any:
    form = RegistrationForm(language=current_language())
    if form.validate_on_submit():
        details = form.details()
        return finish_registration(details.email, form.password.data,
                                   lambda session, password_hash: new_company(session, details, password_hash))
    return render_template("auth/register.html", form=form), 422 if form.errors else 200


# The path is common.links.LINK_PATHS["confirm_email"]: notifications writes these links into e-mails. Opening
# the link only shows a button: a mail scanner that fetches links must not use up the link or get the session.
@bp.route("/register/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token: str) -> Any:
    form = ConfirmEmailForm()
    if not form.validate_on_submit():
        return render_template("auth/confirm_email.html", form=form)
    with current_runtime().db.unit_of_work() as session:
        user = confirm_by_link(session, current_app.config["WSCC_SETTINGS"].link_secret.get_secret_value(), token)
    if user is None:
        return render_template("auth/confirm_invalid.html", resend=ResendConfirmationForm()), 404
    start_session(user)
    flash(_("Your e-mail address is confirmed. Welcome!"), "success")
    return redirect(home_for(user))


@bp.post("/register/resend")
@limiter.limit(configured_limit("login_rate_limit_per_address"))
@limiter.limit(configured_limit("password_reset_rate_limit"), key_func=submitted_email)
def resend() -> Any:
    form = ResendConfirmationForm()
    if form.validate_on_submit():
        minutes = current_app.config["WSCC_SETTINGS"].email_confirmation_max_age_minutes
        with current_runtime().db.unit_of_work() as session:
            resend_confirmation(session, form.email.data, minutes)
        return _check_email(form.email.data)
    return render_template("auth/confirm_invalid.html", resend=form), 422


@dataclass(frozen=True)
class SignIn:
    user: User | None
    refusal: str = ""
    status: int = 422


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
def login() -> Any:
    if current_user.is_authenticated and request.method == "GET":
        return redirect(home_for(current_user))
    form = LoginForm()
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        outcome = sign_in(form.email.data, form.password.data)
        user = outcome.user
        if user is not None and user.email_confirmed_at is None:  # the right password, the address unconfirmed
            return render_template("auth/confirm_first.html", resend=ResendConfirmationForm(email=user.email))
        if user is not None:
            start_session(user)
            return redirect(safe_next(request.args.get("next"), home_for(user)))
        form.form_errors.append(outcome.refusal)
        status = outcome.status
    return render_template("auth/login.html", form=form), status


def sign_in(email: str, password: str) -> SignIn:
    """Check the credentials within the account's budget of failures (throttles.py)."""
    throttle = login_throttle()
    attempt = throttle.begin(normalize_email(email))
    if not attempt.allowed:
        return SignIn(None, _wait_message(attempt), 429)
    with current_runtime().db.unit_of_work() as session:
        user = authenticate(session, email, password)
        if user is None and throttle.first_warning(attempt):
            _warn_owner(session, email, attempt)
    if user is None:
        return SignIn(None, _("The e-mail address or the password is not right."))
    throttle.succeeded(attempt)
    if not user.is_active:
        return SignIn(None, _("This account is disabled. Contact WSCC if you think this is a mistake."), 403)
    return SignIn(user)


def _warn_owner(session: Session, email: str, attempt: Attempt) -> None:
    """Tell the account's owner (if the address has an account) that someone is trying to sign in."""
    user = find_user_by_email(session, email)
    if user is None:
        return
    record_event(session, Outbox, new_event("user.login_attempts_suspected", LoginAttemptsSuspected(
        user_id=user.id, email=user.email, name=user.name, language=user.language,
        failed_attempts=attempt.failures, window_minutes=WINDOW_SECONDS // 60, at=utcnow())))


def _wait_message(attempt: Attempt) -> str:
    if attempt.wait_seconds < 60:
        return ngettext("Too many failed attempts to log in to this account. Wait %(num)d second, then try again.",
                        "Too many failed attempts to log in to this account. Wait %(num)d seconds, then try again.",
                        max(1, math.ceil(attempt.wait_seconds)))
    return ngettext("Too many failed attempts to log in to this account. Wait %(num)d minute, then try again.",
                    "Too many failed attempts to log in to this account. Wait %(num)d minutes, then try again.",
                    attempt.wait_minutes)


@bp.post("/logout")
def logout() -> Any:
    end_session()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"))
