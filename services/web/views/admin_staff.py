"""For WSCC administrators: the staff accounts (reviewers, administrators) and a form to create one."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.accounts import EmailTaken
from services.web.forms.accounts import EMAIL_TAKEN
from services.web.forms.admin import StaffForm
from services.web.i18n import current_language
from services.web.runtime import get_runtime
from services.web.staff import add_staff_user, list_staff
from services.web.views.access import role_required

bp = Blueprint("admin_staff", __name__, url_prefix="/admin/staff")


def _page(form: StaffForm, status: int = 200) -> Any:
    with get_runtime().db.reading() as session:
        staff = list_staff(session)
    return render_template("admin/staff.html", staff=staff, form=form), status


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def accounts() -> Any:
    form = StaffForm(language=current_language())
    if form.validate_on_submit():
        try:
            with get_runtime().db.unit_of_work() as session:
                add_staff_user(session, form.details(), form.password.data)
        except EmailTaken:
            form.email.errors.append(str(EMAIL_TAKEN))
        else:
            flash(_("The account for %(email)s was created. Give the person their temporary password.",
                    email=form.email.data.strip()), "success")
            return redirect(url_for("admin_staff.accounts"), 303)
    return _page(form, 422 if form.errors else 200)
