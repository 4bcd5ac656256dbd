"""The employee's course: the outline of modules and lessons (a task list), each lesson, and "Mark as done and
continue", which records the lesson and goes on to the next one."""
from __future__ import annotations

import re
import uuid
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.courses.forms import LessonDoneForm
from services.web.courses.messages import exam_state_message, lesson_refusal_message, withdrawn_message
from services.web.courses.progress import exam_outlook, newest

bp = Blueprint("courses", __name__, url_prefix="/course")
# A lesson key from a link: nothing else goes into the courses service's path.
LESSON_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
# The exam's state in words, on these pages and on the employee's journey.
bp.add_app_template_filter(exam_state_message, "exam_state")
bp.add_app_template_filter(withdrawn_message, "withdrawn")


def _outline(enrolment_id: Any, others: list[dict]) -> Any:
    enrolment = CoursesApi().enrolment(enrolment_id)
    return render_template("courses/outline.html", enrolment=enrolment, course=enrolment["course"],
                           outlook=exam_outlook(enrolment), others=others)


@bp.get("")
@role_required("employee")
def index() -> Any:
    """The newest enrolment; the others (an earlier certification) are linked from it."""
    enrolments = CoursesApi().my_enrolments()
    current = newest(enrolments)
    if current is None:
        return render_template("courses/no_course.html")
    return _outline(current["enrolment_id"], enrolments[1:])


@bp.get("/<uuid:enrolment_id>")
@role_required("employee")
def outline(enrolment_id: uuid.UUID) -> Any:
    others = [item for item in CoursesApi().my_enrolments() if item["enrolment_id"] != str(enrolment_id)]
    return _outline(enrolment_id, others)


def _lesson_key(key: str) -> str:
    if not LESSON_KEY.fullmatch(key):
        abort(404)
    return key


@bp.get("/<uuid:enrolment_id>/lessons/<key>")
@role_required("employee")
def lesson(enrolment_id: uuid.UUID, key: str) -> Any:
    try:
        page = CoursesApi().lesson(enrolment_id, _lesson_key(key))
    except Refused as error:
        flash(lesson_refusal_message(error.code, error.fields), "error")
        return redirect(url_for("courses.outline", enrolment_id=enrolment_id), 303)
    return render_template("courses/lesson.html", lesson=page, enrolment_id=enrolment_id, form=LessonDoneForm())


@bp.post("/<uuid:enrolment_id>/lessons/<key>")
@role_required("employee")
def lesson_done(enrolment_id: uuid.UUID, key: str) -> Any:
    if not LessonDoneForm().validate_on_submit():
        abort(400)
    api = CoursesApi()
    try:
        page = api.lesson(enrolment_id, _lesson_key(key))
        course = api.lesson_done(enrolment_id, key)
    except Refused as error:
        flash(lesson_refusal_message(error.code, error.fields), "error")
        return redirect(url_for("courses.outline", enrolment_id=enrolment_id), 303)
    if page["next"]:
        return redirect(url_for("courses.lesson", enrolment_id=enrolment_id, key=page["next"]["key"]), 303)
    if course["next_lesson"]:  # the last lesson, with an earlier one still to read
        flash(_("You reached the end of the course. Some lessons are not done yet: they are marked below."), "info")
    else:
        flash(_("You finished the course. The exam is now open."), "success")
    return redirect(url_for("courses.outline", enrolment_id=enrolment_id), 303)
