"""The licenses service's internal API, called by the front door on behalf of a company representative."""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

from flask import Blueprint, Response, request

from common.http import ApiError, actor, requires_actor
from services.licenses import queries
from services.licenses.runtime import get_runtime
from services.licenses.tracking import update_tracking

api = Blueprint("licenses_api", __name__, url_prefix="/internal")
MAX_PAGE_SIZE = 500


def _company_id() -> uuid.UUID:
    return uuid.UUID(actor().company_id)


def _positive_int(name: str, default: int, maximum: int) -> int:
    raw = request.args.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ApiError(400, "invalid_query", {name: "not_a_number"}) from None
    if not 1 <= value <= maximum:
        raise ApiError(400, "invalid_query", {name: "out_of_range"})
    return value


@api.get("/licenses/summary")
@requires_actor("company")
def summary():
    with get_runtime().db.reading() as session:
        return queries.company_summary(session, _company_id())


@api.get("/licenses")
@requires_actor("company")
def listing():
    per_page = _positive_int("per_page", get_runtime().settings.licenses_page_size, MAX_PAGE_SIZE)
    page = _positive_int("page", 1, 10**6)
    with get_runtime().db.reading() as session:
        return queries.company_page(session, _company_id(), page, per_page)


@api.patch("/licenses/<uuid:license_id>")
@requires_actor("company")
def track(license_id: uuid.UUID):
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_json")
    with get_runtime().db.unit_of_work() as session:
        license_ = update_tracking(session, _company_id(), license_id, payload)
        return queries.as_json(license_)


@api.get("/licenses/export")
@requires_actor("company")
def export():
    """Every code of the company as JSON lines, streamed; the front door turns it into the user's CSV."""
    company_id = _company_id()

    def lines() -> Iterator[str]:
        with get_runtime().db.reading() as session:
            for license_ in queries.company_licenses(session, company_id):
                yield json.dumps(queries.as_json(license_)) + "\n"

    return Response(lines(), mimetype="application/x-ndjson")
