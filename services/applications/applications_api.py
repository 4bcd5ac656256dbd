"""Internal API: an employee's applications and documents; staff read any application and its files."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, send_file
from werkzeug.exceptions import RequestEntityTooLarge

from common.api_input import STAFF_ROLES, acting_as_staff, acting_user_id, json_body
from common.http import current_runtime, requires_actor
from common.refusals import Invalid
from services.applications import applying, documents
from services.applications.employees import employee_json
from services.applications.representations import application_json
from services.applications.reviewing import staff_application

applications_api = Blueprint("applications_api", __name__, url_prefix="/internal/applications")
# Room for the multipart envelope and the requirement_code field around a file of the maximum size.
MULTIPART_OVERHEAD = 64 * 1024


@applications_api.get("/mine")
@requires_actor("employee")
def mine():
    with current_runtime().db.reading() as session:
        return {"items": [application_json(item)
                          for item in applying.employee_applications(session, acting_user_id())]}


@applications_api.post("")
@requires_actor("employee")
def open_application():
    payload = json_body(empty_allowed=True)
    with current_runtime().db.unit_of_work() as session:
        application = applying.open_application(session, acting_user_id(), payload.get("certification_code"))
        return application_json(application), 201


@applications_api.get("/<uuid:application_id>")
@requires_actor("employee", *STAFF_ROLES)
def show(application_id: uuid.UUID):
    with current_runtime().db.reading() as session:
        if acting_as_staff():
            application = staff_application(session, application_id)
            return application_json(application, for_staff=True) | {
                "employee": employee_json(session, application.employee_id)}
        return application_json(applying.own_application(session, acting_user_id(), application_id))


@applications_api.post("/<uuid:application_id>/documents")
@requires_actor("employee")
def upload(application_id: uuid.UUID):
    runtime = current_runtime()
    # Werkzeug stops reading a body larger than this before parsing it; the exact limit is checked while streaming.
    request.max_content_length = runtime.settings.max_document_bytes + MULTIPART_OVERHEAD
    try:
        upload_file = request.files.get("file")
        requirement_code = request.form.get("requirement_code")
    except RequestEntityTooLarge:
        raise Invalid("too_large", {"file": "too_large"}) from None
    document = documents.upload_document(
        runtime, acting_user_id(), application_id, requirement_code,
        upload_file.stream if upload_file else None, upload_file.filename if upload_file else None)
    return document, 201


@applications_api.delete("/<uuid:application_id>/documents/<uuid:document_id>")
@requires_actor("employee")
def delete(application_id: uuid.UUID, document_id: uuid.UUID):
    documents.delete_document(current_runtime(), acting_user_id(), application_id, document_id)
    return "", 204


@applications_api.post("/<uuid:application_id>/submit")
@requires_actor("employee")
def submit(application_id: uuid.UUID):
    with current_runtime().db.unit_of_work() as session:
        return application_json(applying.submit_application(session, acting_user_id(), application_id))


@applications_api.get("/<uuid:application_id>/documents/<uuid:document_id>/content")
@requires_actor("employee", *STAFF_ROLES)
def content(application_id: uuid.UUID, document_id: uuid.UUID):
    runtime = current_runtime()
    with runtime.db.reading() as session:
        application = (staff_application(session, application_id) if acting_as_staff()
                       else applying.own_application(session, acting_user_id(), application_id))
        document, path = documents.stored_file(runtime.settings, application, document_id)
    response = send_file(path, mimetype=document.content_type, as_attachment=True,
                         download_name=document.filename, max_age=0, etag=False, conditional=False)
    # The type is the one detected from the content: browsers must not guess another, nor keep a copy.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
