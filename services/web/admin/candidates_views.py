"""For WSCC administrators: exceptions for one candidate, from their page (review/candidates.py): another attempt,
or an accommodation (more time per attempt). Each needs a reason; the courses service keeps who, when and why."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.forms import PortalForm
from services.web.review.candidates import candidate_page, enrolment_of, grant_form

bp = Blueprint("admin_candidates", __name__, url_prefix="/admin/candidates")


def grant_refused_message(code: str) -> str:
    messages = {
        "reason_required": _("Write the reason: it is kept with the change."),
        "not_a_number": _("Enter a multiplier from 1.00 to 4.00, for example 1.50."),
        "out_of_range": _("Enter a multiplier from 1.00 to 4.00, for example 1.50."),
        "already_passed": _("This candidate has passed the exam: no more attempts are needed."),
        "access_ended": _("This candidate's access has ended: no attempt can be added."),
        "too_many_extra_attempts": _("This candidate already has the most extra attempts that can be granted."),
    }
    return messages.get(code, _("This cannot be granted now. Reload the page and try again."))


def _refused(employee_id: uuid.UUID, form: PortalForm, kind: str, enrolment_id: uuid.UUID, error: Refused) -> Any:
    for name, code in error.fields.items():
        if name in form:
            form[name].errors = [grant_refused_message(code)]
    if not error.fields:
        form.form_errors.append(grant_refused_message(error.code))
    return candidate_page(employee_id, form, (kind, str(enrolment_id)), 422)


def _back(employee_id: uuid.UUID, enrolment_id: uuid.UUID) -> Any:
    return redirect(url_for("review_candidates.show", employee_id=employee_id, _anchor=f"enrolment-{enrolment_id}"),
                    303)


@bp.post("/<uuid:employee_id>/enrolments/<uuid:enrolment_id>/extra-attempt")
@role_required("admin")
def extra_attempt(employee_id: uuid.UUID, enrolment_id: uuid.UUID) -> Any:
    enrolment_of(employee_id, enrolment_id)
    form = grant_form("extra", str(enrolment_id), request.form)
    if not form.validate():
        return candidate_page(employee_id, form, ("extra", str(enrolment_id)), 422)
    try:
        CoursesApi().grant_attempt(enrolment_id, form.reason.data.strip())
    except Refused as error:
        return _refused(employee_id, form, "extra", enrolment_id, error)
    flash(_("Another attempt was granted. The candidate can start it when the rules allow."), "success")
    return _back(employee_id, enrolment_id)


@bp.post("/<uuid:employee_id>/enrolments/<uuid:enrolment_id>/accommodation")
@role_required("admin")
def accommodation(employee_id: uuid.UUID, enrolment_id: uuid.UUID) -> Any:
    enrolment_of(employee_id, enrolment_id)
    form = grant_form("accommodation", str(enrolment_id), request.form)
    if not form.validate():
        return candidate_page(employee_id, form, ("accommodation", str(enrolment_id)), 422)
    try:
        CoursesApi().set_accommodation(enrolment_id, form.multiplier_value(), form.reason.data.strip())
    except Refused as error:
        return _refused(employee_id, form, "accommodation", enrolment_id, error)
    flash(_("The accommodation was set. It applies to attempts started from now on."), "success")
    return _back(employee_id, enrolment_id)
