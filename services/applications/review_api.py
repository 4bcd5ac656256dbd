"""Internal API for WSCC reviewers and administrators: the queue and the decisions."""
from __future__ import annotations

import uuid

from flask import Blueprint, request

from common.api_input import STAFF_ROLES, json_body
from common.http import actor, current_runtime, requires_actor
from common.refusals import Invalid, NotFound
from services.applications.catalog import find_certification
from services.applications.employees import employee_json, employees_json
from services.applications.representations import application_json
from services.applications.reviewing import decide, review_queue, reviewer_from
from services.applications.transitions import Act

review_api = Blueprint("applications_review_api", __name__, url_prefix="/internal/review")
ACTS = {"start": Act.START_REVIEW, "approve": Act.APPROVE, "refuse": Act.REFUSE,
        "request-documents": Act.REQUEST_DOCUMENTS}


@review_api.get("/queue")
@requires_actor(*STAFF_ROLES)
def queue():
    runtime = current_runtime()
    certification_code = request.args.get("certification") or None
    with runtime.db.reading() as session:
        if certification_code and find_certification(session, certification_code) is None:
            raise Invalid("unknown_certification", {"certification": "unknown"})
        items = review_queue(session, certification_code, runtime.settings.review_queue_limit)
        applicants = employees_json(session, {item.employee_id for item in items})
        return {"items": [application_json(item, for_staff=True) | {"employee": applicants[item.employee_id]}
                          for item in items]}


@review_api.post("/applications/<uuid:application_id>/<action>")
@requires_actor(*STAFF_ROLES)
def act_on(application_id: uuid.UUID, action: str):
    if action not in ACTS:
        raise NotFound("not_found")
    runtime, payload = current_runtime(), json_body(empty_allowed=True)
    with runtime.db.unit_of_work() as session:
        application = decide(session, runtime.settings, application_id, ACTS[action],
                             reviewer_from(actor().user_id, payload), payload)
        return application_json(application, for_staff=True) | {
            "employee": employee_json(session, application.employee_id)}
