"""My account: the company profile (for a representative), the employee profile, and the password."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from services.web.access import role_required
from services.web.accounts.auth_views import sign_in
from services.web.accounts.employees import update_employee
from services.web.accounts.forms import EMAIL_TAKEN, ChangePasswordForm, EmployeeProfileForm, ProfileForm
from services.web.accounts.sessions import start_session
from services.web.accounts.users import EmailTaken, WrongPassword, get_user, update_company
from services.web.accounts.users import change_password as set_new_password
from services.web.models import Role, User
from services.web.runtime import current_runtime

bp = Blueprint("account", __name__, url_prefix="/account")
EVERYONE = tuple(Role)
EMAIL_NEEDS_PASSWORD = _l("To change your e-mail address, enter your current password.")


def personal_details(user: User) -> tuple[str, ...]:
    """What a new password must not be built on, besides the address: the person's name and company."""
    return (user.name, user.company.legal_name) if user.company else (user.name,)


def _save(form: Any, update: Any) -> Any:
    """Save a profile form with ``update(session, user, details, current_password)``: the redirect once saved,
    or None with the reason on the form."""
    try:
        with current_runtime().db.unit_of_work() as session:
            update(session, get_user(session, current_user.id), form.details(), form.current_password.data)
    except WrongPassword:
        form.current_password.errors.append(str(EMAIL_NEEDS_PASSWORD))
    except EmailTaken:
        form.email.errors.append(str(EMAIL_TAKEN))
    else:
        flash(_("Your profile was saved."), "success")
        return redirect(url_for("account.profile"))
    return None


def _profile_form() -> ProfileForm:
    user, company = current_user, current_user.company
    return ProfileForm(legal_name=company.legal_name, representative_name=user.name, email=user.email,
                       phone=company.phone, mailing_address=company.mailing_address,
                       employer_account_number=company.employer_account_number, site=company.site,
                       language=user.language)


def _employee_form() -> EmployeeProfileForm:
    user = current_user
    return EmployeeProfileForm(name=user.name, email=user.email, phone=user.phone, language=user.language)


def _employee_profile() -> Any:
    form = _employee_form()
    if form.validate_on_submit() and (saved := _save(form, update_employee)) is not None:
        return saved
    return render_template("account/profile.html", form=form, employee=True), 422 if form.errors else 200


@bp.route("", methods=["GET", "POST"])
@role_required(*EVERYONE)
def profile() -> Any:
    if current_user.role == Role.EMPLOYEE:
        return _employee_profile()
    if current_user.company is None:
        return render_template("account/profile.html", form=None)
    form = _profile_form()
    if form.validate_on_submit() and (saved := _save(form, update_company)) is not None:
        return saved
    return render_template("account/profile.html", form=form), 422 if form.errors else 200


@bp.route("/password", methods=["GET", "POST"])
@role_required(*EVERYONE)
def change_password() -> Any:
    form = ChangePasswordForm(known_email=current_user.email, known_personal=personal_details(current_user))
    status = 422 if form.is_submitted() else 200
    if form.validate_on_submit():
        # The current password is checked like a sign-in: its wrong guesses count toward the account's limit.
        outcome = sign_in(current_user.email, form.current_password.data)
        if outcome.user is not None:
            with current_runtime().db.unit_of_work() as session:
                user = get_user(session, current_user.id)
                set_new_password(session, user, form.password.data, "changed")  # every session of the user ends...
            start_session(user)  # ...and this browser goes on with a new one
            flash(_("Your password was changed. You were logged out everywhere else."), "success")
            return redirect(url_for("account.profile"))
        form.current_password.errors.append(outcome.refusal if outcome.status == 429
                                            else _("This is not your current password."))
        status = outcome.status if outcome.status == 429 else 422
    return render_template("account/password.html", form=form), status
