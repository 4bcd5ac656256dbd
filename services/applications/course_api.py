"""Internal API: the introduction course, the certifications and their requirements."""
from __future__ import annotations

from flask import Blueprint

from common.api_input import acting_user_id, json_body
from common.http import actor, current_runtime, requires_actor
from services.applications import catalog
from services.applications.intro_course import course_view, record_view

course_api = Blueprint("applications_course_api", __name__, url_prefix="/internal")


@course_api.get("/intro-course")
@requires_actor("employee")
def intro_course():
    with current_runtime().db.reading() as session:
        return course_view(session, acting_user_id(), actor().language)


@course_api.post("/intro-course/modules/<key>/viewed")
@requires_actor("employee")
def intro_module_viewed(key: str):
    employee_id, db = acting_user_id(), current_runtime().db
    with db.unit_of_work() as session:
        record_view(session, employee_id, key)
    with db.reading() as session:
        return course_view(session, employee_id, actor().language)


@course_api.get("/certifications")
@requires_actor()
def certifications():
    with current_runtime().db.reading() as session:
        return {"items": [catalog.certification_json(item) for item in catalog.all_certifications(session)]}


@course_api.put("/admin/certifications/<code>")
@requires_actor("admin")
def replace_certification(code: str):
    with current_runtime().db.unit_of_work() as session:
        return catalog.certification_json(catalog.replace_certification(session, code, json_body(empty_allowed=True)))

