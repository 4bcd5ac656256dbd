"""The employee's own pages: create an employee account, and the journey page with the employer's code form and
"Use my license"."""
from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user

from common.clock import utcnow
from services.web.access import role_required
from services.web.accounts.auth_views import configured_limit, finish_registration
from services.web.accounts.employees import new_employee
from services.web.accounts.forms import EmployeeRegistrationForm
from services.web.clients import ApplicationsApi, CoursesApi, LicensesApi, NotFound, Refused
from services.web.employee.forms import ClaimCodeForm
from services.web.employee.journey import USED, Journey, build_journey
from services.web.errors import error_page
from services.web.extensions import limiter
from services.web.i18n import current_language
from services.web.statuses import localized

bp = Blueprint("employee", __name__, url_prefix="/employee")


# Answers that are not guesses: a typo caught by the check character, or not a code at all. The front door's
# limits do not count them either.
NOT_GUESSES = ("mistyped_code", "malformed_code")


def wait_message(minutes: int) -> str:
    return ngettext("Too many wrong codes were tried from your account or your connection. Please wait "
                    "%(num)d minute before trying again.",
                    "Too many wrong codes were tried from your account or your connection. Please wait "
                    "%(num)d minutes before trying again.", minutes)


def held_message(fields: dict) -> str:
    """What the employee holds, and until when (they may see their own code)."""
    code, certification = fields.get("code") or "", localized(fields.get("certification"), "name")
    if certification:
        return _("You already hold license %(code)s for %(certification)s until you finish that certification. "
                 "A second code cannot be linked to your account before then.", code=code,
                 certification=certification)
    return _("You already hold license %(code)s until you finish the certification it is for. A second code "
             "cannot be linked to your account before then.", code=code)


def claim_message(code: str, fields: dict | None = None) -> str:
    fields = fields or {}
    if code == "employee_has_license" and fields.get("code"):
        return held_message(fields)
    if code == "too_many_attempts" and isinstance(fields.get("retry_after_minutes"), int):
        return wait_message(fields["retry_after_minutes"])
    messages = {
        "malformed_code": _("This is not a license code. A code has 20 letters and digits, for example "
                            "ABCDE-FGHJK-MNPQR-STVWX."),
        "mistyped_code": _("One character of this code seems mistyped. Compare it with the code your employer "
                           "gave you."),
        "unknown_code": _("No license has this code. Check it with your employer."),
        "claimed_by_someone_else": _("This code is already linked to another employee. Ask your employer for "
                                     "another code."),
        "code_expired": _("This code has expired. Ask your employer for another code."),
        "employee_has_license": _("You already hold a license: a second code cannot be linked to your account."),
        "too_many_attempts": _("Too many attempts. Please wait a few minutes before trying again."),
    }
    return messages.get(code, _("This code cannot be linked. Check it with your employer."))


def redeem_message(code: str) -> str:
    messages = {
        "not_eligible": _("Your license cannot be used yet: WSCC has not approved your application."),
        "deadline_passed": _("The deadline to use this license has passed. Contact your employer."),
        "no_license": _("No license is linked to your account. Enter the license code from your employer first."),
    }
    return messages.get(code, _("Your license cannot be used now."))


def current_journey() -> Journey:
    mine = LicensesApi().mine()
    license_ = mine["license"]
    # The courses service opens the course once it has the redemption: until then it knows of no enrolment.
    enrolments = CoursesApi().my_enrolments() if license_ and license_["status"] in USED else []
    return build_journey(mine.get("progress"), license_, ApplicationsApi().my_applications(), enrolments, utcnow())


def user_key() -> str:
    """Throttle key: the signed-in account, so changing addresses does not buy more guesses."""
    if not current_user.is_authenticated:
        return f"address:{request.remote_addr}"
    return f"user:{current_user.id}"


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(configured_limit("login_rate_limit_per_address"), methods=["POST"])
def register() -> Any:
    form = EmployeeRegistrationForm(language=current_language())
    if form.validate_on_submit():
        details = form.details()
        return finish_registration(details.email, form.password.data,
                                   lambda session, password_hash: new_employee(session, details, password_hash))
    return render_template("employee/register.html", form=form), 422 if form.errors else 200


def _home(form: ClaimCodeForm, status: int = 200) -> Any:
    return render_template("employee/home.html", journey=current_journey(), form=form), status


@bp.get("")
@role_required("employee")
def home() -> Any:
    return _home(ClaimCodeForm())


def counts_as_an_attempt(response: Any) -> bool:
    """The front door's limits count what reached the licenses service as a possible guess, never a typo."""
    return not g.get("claim_not_a_guess", False)


@bp.post("/code")
@role_required("employee")
@limiter.limit(configured_limit("code_claim_rate_limit_per_address"), deduct_when=counts_as_an_attempt)
@limiter.limit(configured_limit("code_claim_rate_limit_per_account"), key_func=user_key,
               deduct_when=counts_as_an_attempt)
def claim() -> Any:
    form = ClaimCodeForm()
    if form.validate_on_submit():
        try:
            license_ = LicensesApi().claim(form.code.data, request.remote_addr)
        except (Refused, NotFound) as error:  # an unknown code answers 404: a message on the form too
            g.claim_not_a_guess = error.code in NOT_GUESSES
            form.code.errors.append(claim_message(error.code, error.fields))
            return _home(form, 429 if error.status == 429 else 422)
        flash(_("Code %(code)s is now linked to your account. Your employer can follow your progress.",
                code=license_["code"]), "success")
        return redirect(url_for("employee.home"), 303)
    g.claim_not_a_guess = True  # empty or too long: never sent
    return _home(form, 422)


@bp.errorhandler(RateLimitExceeded)
def claims_too_fast(error: RateLimitExceeded) -> Any:
    """The front door's own limit: said on the code form, with the wait, rather than on an error page."""
    if request.endpoint != "employee.claim":
        return error_page(429)
    current = limiter.current_limit
    seconds = current.reset_at - time.time() if current is not None else 60
    form = ClaimCodeForm()
    # Rounded, not up: the window's end can read a hair over a minute away, which is still "1 minute".
    form.code.errors = [wait_message(max(1, round(seconds / 60)))]  # not validated: no list yet
    return _home(form, 429)


@bp.post("/license/use")
@role_required("employee")
def use_license() -> Any:
    try:
        LicensesApi().redeem()
    except (Refused, NotFound) as error:  # no license linked answers 404: said on the page, not an error page
        flash(redeem_message(error.code), "error")
    else:
        flash(_("Your license is redeemed. Your online course and exam are opening."), "success")
    return redirect(url_for("employee.home"), 303)
