"""For WSCC administrators: give an expired license a new deadline (reinstate it), found by its code.

An administrator only ever sees codes: the page looks the code up to show the license (its company, state,
employee and deadline) before reinstating it, and shows its new state afterwards."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _

from common.timezones import display_zone, end_of_local_day
from services.web.access import role_required
from services.web.admin.forms import ReinstateForm
from services.web.admin.views import company_names
from services.web.clients import LicensesApi, NotFound, Refused, ServiceError

bp = Blueprint("admin_licenses", __name__, url_prefix="/admin/licenses")

# Refusals that say something about the license found, not about the code typed: the page shows that license.
_ABOUT_THE_LICENSE = {"not_expired", "employee_has_license", "invalid_deadline"}


def reinstate_message(code: str) -> str:
    messages = {
        "malformed_code": _("This is not a license code. A code has 20 letters and digits, for example "
                            "ABCDE-FGHJK-MNPQR-STVWX."),
        "mistyped_code": _("One character of this code seems mistyped. Check the code with the company or the "
                           "employee who gave it."),
        "unknown_code": _("No license has this code."),
        "not_expired": _("This license is not expired: only an expired license can be reinstated."),
        "employee_has_license": _("The employee of this license has linked another code since it expired: an "
                                  "employee holds one license at a time, so this one cannot be reinstated."),
        "invalid_deadline": _("Choose a new deadline in the future."),
    }
    return messages.get(code, _("This license cannot be reinstated."))


def _zone_name() -> str:
    return current_app.config["WSCC_SETTINGS"].display_timezone


def end_of_day(day: Any) -> str:
    """The deadline is the end of the chosen day where WSCC works, as an instant the licenses service stores."""
    return end_of_local_day(day, _zone_name()).isoformat()


def local_day(instant: str | None) -> date | None:
    """The day an instant falls on where WSCC works, by the same zone rules as ``end_of_day`` (and the e-mails):
    the administrator reads back the very day they chose."""
    return datetime.fromisoformat(instant).astimezone(display_zone(_zone_name())).date() if instant else None


def _page(form: ReinstateForm, license_: dict | None = None, reinstated: bool = False, status: int = 200) -> Any:
    company_name = company_names({license_["company_id"]}).get(license_["company_id"]) if license_ else None
    days = {name: local_day(license_[name]) for name in ("redeem_by", "expired_at")} if license_ else {}
    return render_template("admin/reinstate.html", form=form, license=license_, company_name=company_name,
                           days=days, reinstated=reinstated), status


def _license_or_none(api: LicensesApi, code: str) -> dict | None:
    try:
        return api.lookup(code)
    except ServiceError:
        return None


@bp.route("/reinstate", methods=["GET", "POST"])
@role_required("admin")
def reinstate() -> Any:
    form = ReinstateForm()
    if not form.validate_on_submit():
        return _page(form, status=422 if form.errors else 200)
    api = LicensesApi()
    try:
        if form.looking_up():
            return _page(form, api.lookup(form.code.data))
        license_ = api.reinstate(form.code.data, end_of_day(form.redeem_by.data))
    except (Refused, NotFound) as error:  # an unknown code answers 404: a message on the form too
        target = form.redeem_by if error.code == "invalid_deadline" else form.code
        target.errors.append(reinstate_message(error.code))
        found = _license_or_none(api, form.code.data) if error.code in _ABOUT_THE_LICENSE else None
        return _page(form, found, status=422)
    return _page(ReinstateForm(formdata=None), license_, reinstated=True)
