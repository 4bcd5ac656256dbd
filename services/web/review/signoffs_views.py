"""For WSCC reviewers and administrators: passed exams waiting for WSCC's sign-off (the oldest first), where the
certification's edition asks for one (an interview with an inspector, for the shift boss certifications)."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.review.forms import SignoffForm

bp = Blueprint("review_signoffs", __name__, url_prefix="/review/signoffs")
STAFF = ("reviewer", "admin")


def signoff_form(enrolment_id: str, formdata: Any = None) -> SignoffForm:
    # CSRFProtect checks every POST's csrf_token; the prefix keeps each row's note apart.
    return SignoffForm(formdata=formdata, prefix=f"signoff-{enrolment_id}", meta={"csrf": False})


def _queue(posted: SignoffForm | None = None, posted_for: str = "", status: int = 200) -> Any:
    waiting = CoursesApi().signoffs()
    forms = {item["enrolment_id"]: posted if item["enrolment_id"] == posted_for else signoff_form(item["enrolment_id"])
             for item in waiting}
    return render_template("review/signoffs.html", waiting=waiting, forms=forms, posted=posted), status


@bp.get("")
@role_required(*STAFF)
def queue() -> Any:
    return _queue()


@bp.post("/<uuid:enrolment_id>")
@role_required(*STAFF)
def sign_off(enrolment_id: uuid.UUID) -> Any:
    form = signoff_form(str(enrolment_id), request.form)
    if not form.validate():
        return _queue(form, str(enrolment_id), 422)
    try:
        CoursesApi().sign_off(enrolment_id, (form.note.data or "").strip() or None)
    except Refused as error:
        if error.code != "already_signed_off":
            raise
        flash(_("This exam was already signed off: its certificate is issued."), "info")
        return redirect(url_for("review_signoffs.queue"), 303)
    flash(_("Signed off. The certificate is issued and the candidate is told."), "success")
    return redirect(url_for("review_signoffs.queue"), 303)
