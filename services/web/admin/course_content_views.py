"""For WSCC administrators: a draft edition's content. A lesson's titles and text in both languages (Markdown),
previewed side by side as the courses service renders it for employees; the question bank imported from a Moodle
XML file (refused whole, with each question's problems, when any question cannot be taken)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from services.web.access import role_required
from services.web.admin.courses_views import draft_page, known_code
from services.web.admin.editions import bank_refused_message, course_problem, question_problem
from services.web.admin.forms import BankForm, LessonForm
from services.web.clients import CoursesApi, NotFound, Refused

bp = Blueprint("admin_course_content", __name__, url_prefix="/admin/courses")
bp.url_value_preprocessor(known_code)
LESSON_FIELDS = ("title_en", "title_fr", "minutes", "body_en", "body_fr")


def _draft_course(code: str) -> tuple[dict, list[dict]]:
    """The draft (404 without one) and its modules, as the service keeps them."""
    draft = CoursesApi().course(code)["draft"]
    if draft is None:
        abort(404)
    return draft, draft["course"]


def _lesson_in(modules: list[dict], key: str) -> tuple[dict, dict]:
    for module in modules:
        for lesson in module["lessons"]:
            if lesson["key"] == key:
                return module, lesson
    abort(404)


def _lesson_page(code: str, draft: dict, module: dict, key: str, form: LessonForm, status: int = 200) -> Any:
    return render_template("admin/lesson.html", code=code, draft=draft, module=module, key=key, form=form), status


@bp.route("/<code>/draft/lessons/<key>", methods=["GET", "POST"])
@role_required("admin")
def lesson(code: str, key: str) -> Any:
    draft, modules = _draft_course(code)
    module, found = _lesson_in(modules, key)
    if request.method == "GET":
        return _lesson_page(code, draft, module, key, LessonForm(formdata=None, data=found))
    form = LessonForm()
    if not form.validate():
        return _lesson_page(code, draft, module, key, form, 422)
    found.update({name: form[name].data.strip() if isinstance(form[name].data, str) else form[name].data
                  for name in LESSON_FIELDS})
    try:
        CoursesApi().set_course(code, modules)
    except NotFound:
        abort(404)
    except Refused as error:
        for name, problem in error.fields.items():
            lesson_key, _sep, field_name = name.partition(":")
            if lesson_key == key and field_name in LESSON_FIELDS:
                form[field_name].errors = [course_problem(str(problem))]
        if not form.errors:
            form.form_errors.append(_("The lesson cannot be saved now. Reload the page and try again."))
        return _lesson_page(code, draft, module, key, form, 422)
    flash(_("The lesson “%(title)s” was saved in the draft.", title=found["title_en"]), "success")
    target = "admin_course_content.preview" if form.preview.data else "admin_course_content.lesson"
    return redirect(url_for(target, code=code, key=key), 303)


@bp.get("/<code>/draft/lessons/<key>/preview")
@role_required("admin")
def preview(code: str, key: str) -> Any:
    draft, modules = _draft_course(code)
    module, _lesson = _lesson_in(modules, key)
    return render_template("admin/lesson_preview.html", code=code, draft=draft, module=module, key=key,
                           rendered=CoursesApi().preview(code, key))


@bp.post("/<code>/draft/bank")
@role_required("admin")
def import_bank(code: str) -> Any:
    form = BankForm()
    if not form.validate_on_submit():
        return draft_page(code, bank_form=form, status=422)
    limit = current_app.config["WSCC_SETTINGS"].max_bank_file_bytes
    content = form.file.data.read(limit + 1)
    if len(content) > limit:
        form.file.errors = [bank_refused_message("file_too_big", {"max_bytes": limit})]
        return draft_page(code, bank_form=form, status=422)
    try:
        draft = CoursesApi().import_bank(code, content)
    except NotFound:
        abort(404)
    except Refused as error:
        form.file.errors = [bank_refused_message(error.code, error.fields)]
        problems = [question_problem(entry) for entry in error.fields.get("questions", [])] \
            if error.code == "invalid_questions" else []
        return draft_page(code, bank_form=form, problems=problems, status=422)
    flash(ngettext("The question bank was imported: %(num)d question.",
                   "The question bank was imported: %(num)d questions.", draft["questions"]), "success")
    return redirect(url_for("admin_courses.show", code=code, _anchor="bank"), 303)
