"""For WSCC administrators: the staff accounts (reviewers, administrators), a form to create one, and disabling
(or enabling again) any account, found by its e-mail address."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from services.web.access import role_required
from services.web.accounts.forms import EMAIL_TAKEN
from services.web.accounts.users import EmailTaken, find_user_by_email, get_user
from services.web.admin.forms import DisableAccountForm, EnableAccountForm, FindAccountForm, StaffForm
from services.web.admin.staff import OwnAccount, add_staff_user, disable_account, enable_account, list_staff
from services.web.i18n import current_language
from services.web.runtime import current_runtime

bp = Blueprint("admin_staff", __name__, url_prefix="/admin/staff")


def _find_form() -> FindAccountForm:
    return FindAccountForm(request.args, prefix="find", meta={"csrf": False})


def _page(form: StaffForm, status: int = 200, find_form: FindAccountForm | None = None) -> Any:
    with current_runtime().db.reading() as session:
        staff = list_staff(session)
    return render_template("admin/staff.html", staff=staff, form=form,
                           find_form=find_form or _find_form()), status


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def accounts() -> Any:
    form = StaffForm(language=current_language())
    if form.validate_on_submit():
        try:
            with current_runtime().db.unit_of_work() as session:
                add_staff_user(session, form.details(), form.password.data)
        except EmailTaken:
            form.email.errors.append(str(EMAIL_TAKEN))
        else:
            flash(_("The account for %(email)s was created. Give the person their temporary password.",
                    email=form.email.data.strip()), "success")
            return redirect(url_for("admin_staff.accounts"), 303)
    return _page(form, 422 if form.errors else 200)


@bp.get("/find")
@role_required("admin")
def find() -> Any:
    find_form = _find_form()
    if not find_form.validate():
        return _page(StaffForm(language=current_language()), 422, find_form)
    with current_runtime().db.reading() as session:
        user = find_user_by_email(session, find_form.email.data)
    if user is None:
        find_form.email.errors.append(_("No account uses this e-mail address."))
        return _page(StaffForm(language=current_language()), 404, find_form)
    return redirect(url_for("admin_staff.account", user_id=user.id), 303)


def _account_page(user_id: uuid.UUID, form: DisableAccountForm | None = None, status: int = 200) -> Any:
    with current_runtime().db.reading() as session:
        person = get_user(session, user_id)
    if person is None:
        abort(404)
    return render_template("admin/account.html", person=person, disable_form=form or DisableAccountForm(),
                           enable_form=EnableAccountForm(), own=person.id == current_user.id), status


@bp.get("/accounts/<uuid:user_id>")
@role_required("admin")
def account(user_id: uuid.UUID) -> Any:
    return _account_page(user_id)


@bp.post("/accounts/<uuid:user_id>/disable")
@role_required("admin")
def disable(user_id: uuid.UUID) -> Any:
    form = DisableAccountForm()
    if not form.validate_on_submit():
        return _account_page(user_id, form, 422)
    try:
        with current_runtime().db.unit_of_work() as session:
            person = get_user(session, user_id)
            if person is None:
                abort(404)
            disable_account(session, person, current_user.id)
    except OwnAccount:
        form.form_errors.append(_("You cannot disable the account you are using."))
        return _account_page(user_id, form, 422)
    flash(_("The account of %(email)s is disabled: its sessions ended and it cannot log in.",
            email=person.email), "success")
    return redirect(url_for("admin_staff.account", user_id=user_id), 303)


@bp.post("/accounts/<uuid:user_id>/enable")
@role_required("admin")
def enable(user_id: uuid.UUID) -> Any:
    if not EnableAccountForm().validate_on_submit():
        abort(400)
    with current_runtime().db.unit_of_work() as session:
        person = get_user(session, user_id)
        if person is None:
            abort(404)
        enable_account(session, person, current_user.id)
    flash(_("The account of %(email)s is enabled again: the person can log in.", email=person.email), "success")
    return redirect(url_for("admin_staff.account", user_id=user_id), 303)
