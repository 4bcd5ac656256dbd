"""The employee's applications: history, apply for one certification, upload and remove documents, submit, and
open one's own documents."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from services.web.access import role_required
from services.web.clients import ApplicationsApi, Refused
from services.web.documents import document_response, max_megabytes, megabytes
from services.web.employee.forms import ACCEPTED_FILES, ApplyForm, UploadForm
from services.web.employee.journey import OPEN
from services.web.statuses import localized

bp = Blueprint("applications", __name__, url_prefix="/employee/applications")
# While the application is in the employee's hands (the applications service refuses changes otherwise).
EDITABLE = ("draft", "documents_requested")


def upload_message(code: str, fields: dict | None = None) -> str:
    limited = limit_message(code, int((fields or {}).get("limit") or 0))
    if limited:
        return limited
    messages = {
        "unsupported_type": _("This file is not a PDF, JPEG or PNG document. Choose a PDF, JPEG or PNG file."),
        "too_large": _("This file is larger than %(size)s MB. Choose a smaller file.", size=max_megabytes()),
        "empty_file": _("This file is empty. Choose another file."),
        "unknown_requirement": _("This document is not one the application asks for."),
        "not_editable": _("This application can no longer be changed."),
    }
    return messages.get(code, _("This file could not be added. Try again."))


def limit_message(code: str, limit: int) -> str | None:
    """The applications service's limits on what one employee keeps: its answer says the limit."""
    if code == "requirement_full":
        return ngettext("You can add at most %(num)d file for this document. Remove it first to add another one.",
                        "You can add at most %(num)d files for this document. Remove one of them first to add "
                        "another one.", limit)
    if code == "application_full":
        return ngettext("An application can hold at most %(num)d file. Remove it first to add another one.",
                        "An application can hold at most %(num)d files. Remove a file you no longer need first to "
                        "add another one.", limit)
    if code == "person_storage_full":
        return _("Your documents can take at most %(size)s MB in all. Remove a document you no longer need first, "
                 "or choose a smaller file.", size=megabytes(limit))
    return None


def _apply_form(certifications: list[dict]) -> ApplyForm:
    form = ApplyForm()
    form.certification.choices = [(item["code"], localized(item, "name")) for item in certifications]
    return form


def intro_course_first() -> str:
    return _("Take the free introduction course first: every employee completes it before applying.")


def _list_page(form: ApplyForm | None = None, status: int = 200) -> Any:
    api = ApplicationsApi()
    applications, certifications = api.my_applications(), api.certifications()
    # The applications service decides (it refuses an application before the course); this only explains.
    intro_done = bool(api.intro_course().get("completed_at"))
    can_apply = intro_done and not any(item["status"] in OPEN or item["status"] == "approved"
                                       for item in applications)
    return render_template("applications/list.html", applications=applications, certifications=certifications,
                           form=form or _apply_form(certifications), can_apply=can_apply,
                           intro_done=intro_done), status


@bp.get("")
@role_required("employee")
def index() -> Any:
    return _list_page()


@bp.post("")
@role_required("employee")
def apply() -> Any:
    form = _apply_form(ApplicationsApi().certifications())
    if not form.validate_on_submit():
        return _list_page(form, 422)
    try:
        application = ApplicationsApi().apply(form.certification.data)
    except Refused as error:
        if error.code == "open_application_exists":
            flash(_("You already have an application in progress: finish it before applying again."), "error")
            return redirect(url_for("applications.index"), 303)
        if error.code == "intro_course_required":
            flash(intro_course_first(), "error")
            return redirect(url_for("applications.index"), 303)
        form.certification.errors.append(_("Choose one of the certifications listed."))
        return _list_page(form, 422)
    return redirect(url_for("applications.show", application_id=application["id"]), 303)


def _application_page(application_id: uuid.UUID, upload_errors: dict | None = None,
                      submit_errors: list[str] | None = None, status: int = 200) -> Any:
    application = ApplicationsApi().application(application_id)
    return render_template("applications/application.html", application=application, upload_form=UploadForm(),
                           accepted_files=ACCEPTED_FILES, max_megabytes=max_megabytes(),
                           upload_errors=upload_errors or {}, submit_errors=submit_errors or [],
                           editable=application["status"] in EDITABLE), status


@bp.get("/<uuid:application_id>")
@role_required("employee")
def show(application_id: uuid.UUID) -> Any:
    return _application_page(application_id)


@bp.post("/<uuid:application_id>/documents")
@role_required("employee")
def upload(application_id: uuid.UUID) -> Any:
    form = UploadForm()
    requirement = form.requirement_code.data or ""
    if not form.validate_on_submit():
        return _application_page(application_id, {requirement: form.file.errors[0] if form.file.errors else
                                                  upload_message("")}, status=422)
    upload_file = form.file.data
    try:
        document = ApplicationsApi().upload(application_id, requirement, upload_file.filename or "document",
                                            upload_file.mimetype or "application/octet-stream", upload_file.stream)
    except Refused as error:
        return _application_page(application_id, {requirement: upload_message(error.code, error.fields)},
                                 status=422)
    flash(_("%(filename)s was added.", filename=document["filename"]), "success")
    return redirect(url_for("applications.show", application_id=application_id,
                            _anchor=f"requirement-{requirement}"), 303)


@bp.post("/<uuid:application_id>/documents/<uuid:document_id>/remove")
@role_required("employee")
def remove_document(application_id: uuid.UUID, document_id: uuid.UUID) -> Any:
    try:
        ApplicationsApi().remove_document(application_id, document_id)
    except Refused:
        flash(upload_message("not_editable"), "error")
    else:
        flash(_("The document was removed."), "success")
    return redirect(url_for("applications.show", application_id=application_id), 303)


@bp.post("/<uuid:application_id>/submit")
@role_required("employee")
def submit(application_id: uuid.UUID) -> Any:
    try:
        ApplicationsApi().submit(application_id)
    except Refused as error:
        if error.code == "documents_missing":
            return _application_page(application_id, submit_errors=list(error.fields), status=422)
        if error.code == "intro_course_required":
            flash(intro_course_first(), "error")
            return redirect(url_for("course.index"), 303)
        flash(upload_message(error.code), "error")
        return redirect(url_for("applications.show", application_id=application_id), 303)
    flash(_("Your application was submitted. WSCC will review it; you will receive an e-mail."), "success")
    return redirect(url_for("applications.show", application_id=application_id), 303)


@bp.get("/<uuid:application_id>/documents/<uuid:document_id>")
@role_required("employee")
def document(application_id: uuid.UUID, document_id: uuid.UUID) -> Any:
    """One's own document only: the service answers 404 for anyone else's."""
    upstream = ApplicationsApi().document_content(application_id, document_id)
    return document_response(upstream, download="download" in request.args)
