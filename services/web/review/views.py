"""The WSCC reviewer's console: the queue (oldest submission first, by certification), an application with its
documents and decision history, and the decisions. Opening an application changes nothing: "Start review" takes
it into review, so the queue shows who is on it and reading never sends an e-mail."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from services.web.access import role_required
from services.web.clients import ApplicationsApi, Refused
from services.web.documents import document_response
from services.web.review.forms import QueueFilterForm, RefuseForm, RequestDocumentsForm
from services.web.statuses import localized

bp = Blueprint("review", __name__, url_prefix="/review")
STAFF = ("reviewer", "admin")
# Which decision forms to offer in each status (the applications service's transitions decide in the end).
OFFERED = {"submitted": ("start", "approve", "refuse", "request_documents"),
           "under_review": ("approve", "refuse", "request_documents"),
           "documents_requested": ("refuse",)}


def decision_refused_message(code: str) -> str:
    messages = {
        "reason_required": _("Write the reason for the refusal."),
        "message_required": _("Write which documents are needed."),
    }
    return messages.get(code, _("This application changed in the meantime: this decision cannot be made now."))


@bp.get("")
@role_required(*STAFF)
def queue() -> Any:
    api = ApplicationsApi()
    certifications = api.certifications()
    form = QueueFilterForm(request.args)
    form.certification.choices = [("", _("All certifications"))] + [
        (item["code"], localized(item, "name")) for item in certifications]
    chosen = form.certification.data if form.certification.data in {item["code"] for item in certifications} else ""
    return render_template("review/queue.html", form=form, applications=api.review_queue(chosen or None))


def _page(application_id: uuid.UUID, refuse: RefuseForm | None = None,
          request_documents: RequestDocumentsForm | None = None, status: int = 200) -> Any:
    application = ApplicationsApi().application(application_id)
    return render_template("review/application.html", application=application,
                           refuse_form=refuse or RefuseForm(formdata=None),
                           request_form=request_documents or RequestDocumentsForm(formdata=None),
                           offered=OFFERED.get(application["status"], ())), status


@bp.get("/applications/<uuid:application_id>")
@role_required(*STAFF)
def show(application_id: uuid.UUID) -> Any:
    return _page(application_id)


def _decided(application_id: uuid.UUID, message: str) -> Any:
    flash(message, "success")
    return redirect(url_for("review.show", application_id=application_id), 303)


def _not_now(application_id: uuid.UUID, error: Refused) -> Any:
    flash(decision_refused_message(error.code), "error")
    return redirect(url_for("review.show", application_id=application_id), 303)


@bp.post("/applications/<uuid:application_id>/start")
@role_required(*STAFF)
def start(application_id: uuid.UUID) -> Any:
    try:
        ApplicationsApi().start_review(application_id, current_user.name)
    except Refused as error:
        return _not_now(application_id, error)
    return _decided(application_id, _("You took this application into review."))


@bp.post("/applications/<uuid:application_id>/approve")
@role_required(*STAFF)
def approve(application_id: uuid.UUID) -> Any:
    try:
        ApplicationsApi().approve(application_id, current_user.name)
    except Refused as error:
        return _not_now(application_id, error)
    return _decided(application_id, _("The application was approved. The employee and their employer are told."))


@bp.post("/applications/<uuid:application_id>/refuse")
@role_required(*STAFF)
def refuse(application_id: uuid.UUID) -> Any:
    form = RefuseForm()
    if not form.validate_on_submit():
        return _page(application_id, refuse=form, status=422)
    try:
        ApplicationsApi().refuse(application_id, current_user.name, form.reason.data.strip())
    except Refused as error:
        if error.code == "reason_required":
            form.reason.errors = [decision_refused_message(error.code)]
            return _page(application_id, refuse=form, status=422)
        return _not_now(application_id, error)
    return _decided(application_id, _("The application was refused. The employee is told the reason."))


@bp.post("/applications/<uuid:application_id>/request-documents")
@role_required(*STAFF)
def request_documents(application_id: uuid.UUID) -> Any:
    form = RequestDocumentsForm()
    if not form.validate_on_submit():
        return _page(application_id, request_documents=form, status=422)
    try:
        ApplicationsApi().request_documents(application_id, current_user.name, form.message.data.strip())
    except Refused as error:
        if error.code == "message_required":
            form.message.errors = [decision_refused_message(error.code)]
            return _page(application_id, request_documents=form, status=422)
        return _not_now(application_id, error)
    return _decided(application_id, _("More documents were requested. The employee is told your message."))


@bp.get("/applications/<uuid:application_id>/documents/<uuid:document_id>")
@role_required(*STAFF)
def document(application_id: uuid.UUID, document_id: uuid.UUID) -> Any:
    upstream = ApplicationsApi().document_content(application_id, document_id)
    return document_response(upstream, download="download" in request.args)
