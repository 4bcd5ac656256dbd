"""The licenses service's internal API for a company representative: counts, codes, tracking, release, history."""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

from flask import Blueprint, Response

from common.api_input import acting_company_id, json_body, query_int
from common.clock import utcnow
from common.http import actor, current_runtime, requires_actor
from services.licenses import queries
from services.licenses.history import Cause
from services.licenses.models import CourseProgress, Employee
from services.licenses.releasing import release_license
from services.licenses.representations import company_license_json
from services.licenses.tracking import update_tracking

api = Blueprint("licenses_api", __name__, url_prefix="/internal")
MAX_PAGE_SIZE = 500


@api.get("/licenses/summary")
@requires_actor("company")
def summary():
    with current_runtime().db.reading() as session:
        return queries.company_summary(session, acting_company_id())


@api.get("/licenses")
@requires_actor("company")
def listing():
    per_page = query_int("per_page", current_runtime().settings.licenses_page_size, MAX_PAGE_SIZE)
    page = query_int("page", 1, 10**6)
    with current_runtime().db.reading() as session:
        return queries.company_page(session, acting_company_id(), page, per_page, utcnow())


@api.patch("/licenses/<uuid:license_id>")
@requires_actor("company")
def track(license_id: uuid.UUID):
    payload = json_body()
    with current_runtime().db.unit_of_work() as session:
        license_ = update_tracking(session, acting_company_id(), license_id, payload)
        employee = session.get(Employee, license_.employee_id) if license_.employee_id else None
        return company_license_json(license_, employee, utcnow(), session.get(CourseProgress, license_.id))


@api.get("/licenses/export")
@requires_actor("company")
def export():
    """Every code of the company as JSON lines, streamed; the front door turns it into the user's CSV."""
    company, now = acting_company_id(), utcnow()
    db = current_runtime().db  # taken now: the lines are written after the view returns, outside the app context

    def lines() -> Iterator[str]:
        with db.reading() as session:
            for item in queries.company_licenses(session, company, now):
                yield json.dumps(item) + "\n"

    return Response(lines(), mimetype="application/x-ndjson")


@api.get("/licenses/<uuid:license_id>")
@requires_actor("company")
def one(license_id: uuid.UUID):
    """One code with its employee, e.g. for the page that asks before releasing it."""
    with current_runtime().db.reading() as session:
        license_ = queries.company_license(session, acting_company_id(), license_id)
        employee = session.get(Employee, license_.employee_id) if license_.employee_id else None
        return company_license_json(license_, employee, utcnow(), session.get(CourseProgress, license_.id))


@api.post("/licenses/<uuid:license_id>/release")
@requires_actor("company")
def release(license_id: uuid.UUID):
    """A linked code not yet redeemed goes back to the company's pool; its employee is told."""
    now = utcnow()
    with current_runtime().db.unit_of_work() as session:
        license_ = release_license(session, acting_company_id(), license_id, Cause.user(actor()), now)
        return company_license_json(license_, None, now)


@api.get("/licenses/<uuid:license_id>/history")
@requires_actor("company")
def history(license_id: uuid.UUID):
    with current_runtime().db.reading() as session:
        return queries.license_history(session, acting_company_id(), license_id)
