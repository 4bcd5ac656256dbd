"""For WSCC reviewers and administrators: a candidate's course and exam, found from their application or by their
e-mail address or id."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.review.candidates import candidate_page
from services.web.review.forms import FindCandidateForm
from services.web.review.people import employee_id_for

bp = Blueprint("review_candidates", __name__, url_prefix="/review/candidates")
STAFF = ("reviewer", "admin")


@bp.get("")
@role_required(*STAFF)
def find() -> Any:
    form = FindCandidateForm(request.args)
    if not request.args:
        return render_template("review/find_candidate.html", form=FindCandidateForm(formdata=None))
    if not form.validate():
        return render_template("review/find_candidate.html", form=form), 422
    employee_id = employee_id_for(form.employee.data)
    if employee_id is None:
        form.employee.errors.append(_("No employee account has this e-mail address."))
        return render_template("review/find_candidate.html", form=form), 404
    return redirect(url_for("review_candidates.show", employee_id=employee_id), 303)


@bp.get("/<uuid:employee_id>")
@role_required(*STAFF)
def show(employee_id: uuid.UUID) -> Any:
    return candidate_page(employee_id)
