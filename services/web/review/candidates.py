"""A candidate as WSCC staff see them: each enrolment (course, attempts with scores, certificate), the exceptions
granted with who, when and why, and for administrators the forms that grant more (admin/candidates_views.py posts
them and shows this page again when one is refused)."""
from __future__ import annotations

import uuid
from typing import Any

from flask import abort, render_template
from flask_login import current_user

from services.web.admin.forms import AccommodationForm, ExtraAttemptForm
from services.web.clients import CoursesApi
from services.web.forms import PortalForm
from services.web.review.people import people

# Where another attempt or more time can still matter: the exam is not passed and access has not ended.
STILL_LEARNING = ("in_course", "exam_open", "failed")
GRANT_FORMS = {"extra": ExtraAttemptForm, "accommodation": AccommodationForm}


def grant_form(kind: str, enrolment_id: str, formdata: Any = None) -> PortalForm:
    """One enrolment's form of that kind; its prefix keeps field ids apart on a page of several enrolments. The
    app's CSRFProtect checks every POST's ``csrf_token`` first, so the form does not look for a prefixed one."""
    return GRANT_FORMS[kind](formdata=formdata, prefix=f"{kind}-{enrolment_id}", meta={"csrf": False})


def offered(enrolment: dict) -> tuple[str, ...]:
    if current_user.role != "admin" or enrolment["status"] not in STILL_LEARNING:
        return ()
    return ("accommodation",) if enrolment["status"] == "in_course" else ("extra", "accommodation")


def candidate_page(employee_id: uuid.UUID, posted: PortalForm | None = None, posted_for: tuple[str, str] = ("", ""),
                   status: int = 200) -> Any:
    """The page; ``posted`` is the form just sent (with its errors) for ``(kind, enrolment id)``."""
    enrolments = CoursesApi().candidate(employee_id)
    names = people([str(employee_id), *(grant["granted_by"] for item in enrolments for grant in item["grants"])])
    candidate = names.get(str(employee_id))
    if candidate is not None and candidate.role != "employee":
        candidate = None  # a staff member's or a company's account is no candidate
    if candidate is None and not enrolments:
        abort(404)
    forms = {}
    for enrolment in enrolments:
        for kind in offered(enrolment):
            forms[(kind, enrolment["enrolment_id"])] = posted if posted_for == (kind, enrolment["enrolment_id"]) \
                else grant_form(kind, enrolment["enrolment_id"])
    return render_template("review/candidate.html", employee_id=employee_id, candidate=candidate,
                           enrolments=enrolments, names=names, forms=forms, posted=posted), status


def enrolment_of(employee_id: uuid.UUID, enrolment_id: uuid.UUID) -> dict:
    """The candidate's enrolment, or 404 when the address pairs an enrolment with someone else."""
    for enrolment in CoursesApi().candidate(employee_id):
        if enrolment["enrolment_id"] == str(enrolment_id):
            return enrolment
    abort(404)
