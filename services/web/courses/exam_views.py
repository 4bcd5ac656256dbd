"""The exam page of an enrolment: its rules in plain words, each past attempt's result, and either "Start the
exam" ("Resume the exam" while an attempt is open) or the reason it cannot start."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.courses.forms import StartExamForm
from services.web.courses.messages import exam_refusal_message
from services.web.courses.progress import exam_outlook, graded_attempts

bp = Blueprint("courses_exam", __name__, url_prefix="/course/<uuid:enrolment_id>/exam")


@bp.get("")
@role_required("employee")
def show(enrolment_id: uuid.UUID) -> Any:
    enrolment = CoursesApi().enrolment(enrolment_id)
    return render_template("courses/exam.html", enrolment=enrolment, exam=enrolment["exam"],
                           outlook=exam_outlook(enrolment), attempts=graded_attempts(enrolment),
                           form=StartExamForm())


@bp.post("")
@role_required("employee")
def start(enrolment_id: uuid.UUID) -> Any:
    """A new attempt, or the open one (another tab or device started it): its first unanswered question."""
    if not StartExamForm().validate_on_submit():
        abort(400)
    try:
        attempt = CoursesApi().start_attempt(enrolment_id)
    except Refused as error:
        flash(exam_refusal_message(error.code, error.fields), "error")
        return redirect(url_for("courses_exam.show", enrolment_id=enrolment_id), 303)
    first_open = next((question["position"] for question in attempt["questions"] if not question["answered"]), 1)
    return redirect(url_for("courses_attempt.question", attempt_id=attempt["id"], number=first_open), 303)
