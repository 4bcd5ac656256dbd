"""For WSCC administrators: give an expired license a new deadline (reinstate it)."""
from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.clients import LicensesApi, NotFound, Refused
from services.web.forms.admin import ReinstateForm
from services.web.views.access import role_required

bp = Blueprint("admin_licenses", __name__, url_prefix="/admin/licenses")


def reinstate_message(code: str) -> str:
    messages = {
        "not_expired": _("This license is not expired: only an expired license can be reinstated."),
        "invalid_deadline": _("Choose a new deadline in the future."),
        "not_found": _("No license has this id."),
    }
    return messages.get(code, _("This license cannot be reinstated."))


def end_of_day(day: Any) -> str:
    """The deadline is the end of the chosen day where WSCC works, as an instant the licenses service stores."""
    zone = ZoneInfo(current_app.config["WSCC_SETTINGS"].display_timezone)
    return datetime.combine(day, time(23, 59, 59), tzinfo=zone).isoformat()


@bp.route("/reinstate", methods=["GET", "POST"])
@role_required("admin")
def reinstate() -> Any:
    form = ReinstateForm()
    if form.validate_on_submit():
        try:
            license_id = uuid.UUID(form.license_id.data.strip())
            LicensesApi().reinstate(license_id, end_of_day(form.redeem_by.data))
        except ValueError:
            form.license_id.errors.append(reinstate_message("not_found"))
        except (Refused, NotFound) as error:
            target = form.redeem_by if error.code == "invalid_deadline" else form.license_id
            target.errors.append(reinstate_message(error.code))
        else:
            flash(_("The license was reinstated until %(date)s.", date=form.redeem_by.data.isoformat()), "success")
            return redirect(url_for("admin_licenses.reinstate"), 303)
    return render_template("admin/reinstate.html", form=form), 422 if form.errors else 200
