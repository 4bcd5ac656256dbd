"""An exam attempt, one question per page: each answer is saved when a button is pressed (and, with JavaScript, as
soon as it changes, through the JSON endpoint); the review lists what is answered; "Submit the exam" grades it;
the result follows. The time left is the server's: once it is up, every page of the attempt shows the result."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.clients import CoursesApi, NotFound, Refused
from services.web.courses.forms import MOVES, AnswerForm, SubmitExamForm
from services.web.courses.messages import answer_refusal_message
from services.web.courses.progress import enrolment_of_attempt, exam_outlook
from services.web.templating import clock

bp = Blueprint("courses_attempt", __name__, url_prefix="/exam/<uuid:attempt_id>")
# Refusals after which the attempt is over for the candidate: the result page says the rest.
OVER = ("attempt_time_is_up", "attempt_submitted")


def _running(attempt_id: uuid.UUID) -> dict | None:
    """The attempt while it can still be answered; None once it is graded or its time is up."""
    attempt = CoursesApi().attempt(attempt_id)
    if attempt.get("submitted") or attempt.get("seconds_left", 0) <= 0:
        return None
    return attempt


def _to_result(attempt_id: uuid.UUID) -> Any:
    return redirect(url_for("courses_attempt.result", attempt_id=attempt_id), 303)


def _question_page(attempt: dict, number: int, form: AnswerForm | None = None, error: str | None = None,
                   status: int = 200) -> Any:
    if not 1 <= number <= len(attempt["questions"]):
        abort(404)
    return render_template("courses/question.html", attempt=attempt, question=attempt["questions"][number - 1],
                           number=number, count=len(attempt["questions"]), form=form or AnswerForm(),
                           error=error), status


@bp.get("/questions/<int:number>")
@role_required("employee")
def question(attempt_id: uuid.UUID, number: int) -> Any:
    attempt = _running(attempt_id)
    return _to_result(attempt_id) if attempt is None else _question_page(attempt, number)


@bp.post("/questions/<int:number>")
@role_required("employee")
def answer(attempt_id: uuid.UUID, number: int) -> Any:
    attempt = CoursesApi().attempt(attempt_id)
    if attempt.get("submitted") or attempt.get("seconds_left", 0) <= 0:
        flash(answer_refusal_message("attempt_submitted" if attempt.get("submitted") else "attempt_time_is_up"),
              "error")
        return _to_result(attempt_id)
    form = AnswerForm()
    if not form.validate_on_submit():
        return _question_page(attempt, number, form, answer_refusal_message("not_an_option"), 422)
    if not 1 <= number <= len(attempt["questions"]):
        abort(404)
    asked = attempt["questions"][number - 1]
    if sorted(form.chosen.data or []) != sorted(asked["chosen"]):
        try:
            CoursesApi().save_answer(attempt_id, asked["question_id"], form.chosen.data or [])
        except Refused as error:
            if error.code in OVER:
                flash(answer_refusal_message(error.code), "error")
                return _to_result(attempt_id)
            return _question_page(attempt, number, form, answer_refusal_message(error.code), 422)
    move = request.form.get("move")
    move = move if move in MOVES else "next"
    if move == "previous" and number > 1:
        return redirect(url_for("courses_attempt.question", attempt_id=attempt_id, number=number - 1), 303)
    if move == "next" and number < len(attempt["questions"]):
        return redirect(url_for("courses_attempt.question", attempt_id=attempt_id, number=number + 1), 303)
    return redirect(url_for("courses_attempt.review", attempt_id=attempt_id), 303)


@bp.put("/answers/<int:question_id>")
@role_required("employee")
def save_answer(attempt_id: uuid.UUID, question_id: int) -> Any:
    """For the page's script: one answer saved at once; the answer says the time left, or why it was refused."""
    chosen = (request.get_json(silent=True) or {}).get("chosen")
    if not isinstance(chosen, list) or not all(isinstance(item, int) and not isinstance(item, bool)
                                               for item in chosen):
        return jsonify(saved=False, code="not_an_option", message=answer_refusal_message("not_an_option")), 422
    try:
        saved = CoursesApi().save_answer(attempt_id, question_id, chosen)
    except NotFound:
        return jsonify(saved=False, code="not_found", message=answer_refusal_message("not_found")), 404
    except Refused as error:
        return jsonify(saved=False, code=error.code, message=answer_refusal_message(error.code),
                       over=error.code in OVER), error.status
    return jsonify(saved=True, chosen=saved["chosen"], message=_("Answer saved at %(time)s.", time=clock(
        saved["saved_at"])), server_now=saved["server_now"], deadline=saved["deadline"],
        seconds_left=saved["seconds_left"])


@bp.get("/review")
@role_required("employee")
def review(attempt_id: uuid.UUID) -> Any:
    attempt = _running(attempt_id)
    if attempt is None:
        return _to_result(attempt_id)
    return render_template("courses/review.html", attempt=attempt, form=SubmitExamForm(),
                           unanswered=[item for item in attempt["questions"] if not item["answered"]])


@bp.post("/submit")
@role_required("employee")
def submit(attempt_id: uuid.UUID) -> Any:
    if not SubmitExamForm().validate_on_submit():
        abort(400)
    CoursesApi().submit(attempt_id)  # graded once: a second submission answers the same result
    return _to_result(attempt_id)


@bp.get("/result")
@role_required("employee")
def result(attempt_id: uuid.UUID) -> Any:
    api = CoursesApi()
    attempt = api.attempt(attempt_id)  # someone else's attempt answers 404
    if not attempt.get("submitted") and attempt.get("seconds_left", 0) > 0:
        return redirect(url_for("courses_attempt.review", attempt_id=attempt_id), 303)
    enrolment = enrolment_of_attempt(api.my_enrolments(), str(attempt_id))
    if enrolment is None:
        abort(404)
    return render_template("courses/result.html", result=attempt.get("result"), attempt=attempt,
                           enrolment=enrolment, outlook=exam_outlook(enrolment))
