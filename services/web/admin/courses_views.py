"""For WSCC administrators: each certification's course editions. The published edition is what new enrolments
take; one draft at a time is edited (rules here, lessons and the question bank in course_content_views.py), then
published or discarded. Enrolments already open keep the edition they started on."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.admin.editions import publish_refused_message, rule_message
from services.web.admin.forms import BankForm, DiscardDraftForm, DraftActionForm, RulesForm
from services.web.clients import ApplicationsApi, CoursesApi, NotFound, Refused
from services.web.templating import file_size

bp = Blueprint("admin_courses", __name__, url_prefix="/admin/courses")
CERTIFICATION_CODE = re.compile(r"[a-z0-9_]{2,60}")


def known_code(endpoint: str | None, values: dict | None) -> None:
    """A certification code in the address is one the services could hold, else the page does not exist."""
    if values and "code" in values and not CERTIFICATION_CODE.fullmatch(values["code"]):
        abort(404)


bp.url_value_preprocessor(known_code)


def certification_names() -> dict[str, dict]:
    return {item["code"]: item for item in ApplicationsApi().certifications()}


def _rules_form(edition: dict | None) -> RulesForm:
    rules = (edition or {}).get("rules") or {}
    return RulesForm(formdata=None, data={name: str(value) if name in RulesForm.NUMBERS else value
                                          for name, value in rules.items()})


@bp.get("")
@role_required("admin")
def index() -> Any:
    editions = {item["certification_code"]: item for item in CoursesApi().courses()}
    names = certification_names()
    codes = list(names) + sorted(code for code in editions if code not in names)
    return render_template("admin/courses.html", codes=codes, names=names, editions=editions,
                           start_form=DraftActionForm())


def draft_page(code: str, rules_form: RulesForm | None = None, bank_form: BankForm | None = None,
               problems: list[str] | None = None, status: int = 200) -> Any:
    """The certification's published edition and its draft with every form."""
    names = certification_names()
    try:
        course = CoursesApi().course(code)
    except NotFound:
        if code not in names:
            abort(404)
        course = {"published": None, "draft": None}
    return render_template("admin/course.html", code=code, certification=names.get(code), course=course,
                           published=course["published"], draft=course["draft"],
                           rules_form=rules_form or _rules_form(course["draft"]),
                           bank_form=bank_form or BankForm(), problems=problems or [],
                           action_form=DraftActionForm(), discard_form=DiscardDraftForm(),
                           bank_limit=file_size(current_app.config["WSCC_SETTINGS"].max_bank_file_bytes)), status


@bp.get("/<code>")
@role_required("admin")
def show(code: str) -> Any:
    return draft_page(code)


def _gone(code: str) -> Any:
    flash(_("There is no draft any more: it was published or discarded in the meantime."), "error")
    return redirect(url_for("admin_courses.show", code=code), 303)


@bp.post("/<code>/draft")
@role_required("admin")
def start_draft(code: str) -> Any:
    if not DraftActionForm().validate_on_submit():
        abort(400)
    try:
        draft = CoursesApi().start_draft(code)
    except NotFound:
        flash(_("This certification has no published edition to start a draft from yet."), "error")
        return redirect(url_for("admin_courses.index"), 303)
    flash(_("Draft edition %(number)s is ready: a copy of the published edition to change.",
            number=draft["number"]), "success")
    return redirect(url_for("admin_courses.show", code=code, _anchor="draft"), 303)


@bp.post("/<code>/draft/rules")
@role_required("admin")
def rules(code: str) -> Any:
    form = RulesForm()
    if not form.validate_on_submit():
        return draft_page(code, rules_form=form, status=422)
    try:
        CoursesApi().set_rules(code, form.payload())
    except NotFound:
        return _gone(code)
    except Refused as error:
        for name, problem in error.fields.items():
            if name in form:
                form[name].errors = [rule_message(str(problem))]
        if not error.fields:
            form.form_errors.append(_("The rules cannot be saved now. Reload the page and try again."))
        return draft_page(code, rules_form=form, status=422)
    flash(_("The draft's rules were saved."), "success")
    return redirect(url_for("admin_courses.show", code=code, _anchor="rules"), 303)


@bp.post("/<code>/draft/publish")
@role_required("admin")
def publish(code: str) -> Any:
    if not DraftActionForm().validate_on_submit():
        abort(400)
    try:
        edition = CoursesApi().publish(code)
    except NotFound:
        return _gone(code)
    except Refused as error:
        flash(publish_refused_message(error.code, error.fields), "error")
        return redirect(url_for("admin_courses.show", code=code, _anchor="publish"), 303)
    flash(_("Edition %(number)s is published: new enrolments take it from now on. Enrolments already open keep "
            "their edition.", number=edition["number"]), "success")
    return redirect(url_for("admin_courses.show", code=code), 303)


@bp.post("/<code>/draft/discard")
@role_required("admin")
def discard(code: str) -> Any:
    form = DiscardDraftForm()
    if not form.validate_on_submit():
        flash(_("Tick the box to confirm that the draft is to be discarded."), "error")
        return redirect(url_for("admin_courses.show", code=code, _anchor="discard"), 303)
    try:
        CoursesApi().discard(code)
    except NotFound:
        return _gone(code)
    flash(_("The draft was discarded. The published edition is unchanged."), "success")
    return redirect(url_for("admin_courses.show", code=code), 303)


@bp.get("/<code>/editions/<int:edition>/bank.xml")
@role_required("admin")
def bank(code: str, edition: int) -> Response:
    xml = CoursesApi().export_bank(code, edition)
    return Response(xml, mimetype="application/xml", headers={
        "Content-Disposition": f'attachment; filename="{code}-edition-{edition}-questions.xml"'})
