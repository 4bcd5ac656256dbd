"""The licenses service's internal API for an employee: link a code, see it, use it."""
from __future__ import annotations

from flask import Blueprint

from common.api_input import acting_user_id, json_body
from common.clock import utcnow
from common.http import actor, current_runtime, requires_actor
from services.licenses.claiming import claim_license
from services.licenses.history import Cause
from services.licenses.models import CourseProgress, Employee
from services.licenses.redeeming import current_license, redeem_license
from services.licenses.representations import employee_license_json, my_progress_json

employee_api = Blueprint("licenses_employee_api", __name__, url_prefix="/internal/licenses")
ADDRESS_MAX = 64


def _client_address(raw: object) -> str | None:
    """The address the front door saw the employee at; throttling counts failures per address."""
    if not isinstance(raw, str):
        return None
    return raw.strip()[:ADDRESS_MAX] or None


@employee_api.post("/claim")
@requires_actor("employee")
def claim():
    payload = json_body()
    runtime = current_runtime()
    now = utcnow()
    license_ = claim_license(runtime.db, runtime.settings, actor(), payload.get("code"),
                             _client_address(payload.get("client_address")), now)
    return employee_license_json(license_, now)


@employee_api.get("/mine")
@requires_actor("employee")
def mine():
    with current_runtime().db.reading() as session:
        license_ = current_license(session, acting_user_id())
        return {"license": employee_license_json(license_, utcnow()) if license_ else None,
                **my_progress_json(session.get(Employee, acting_user_id()), license_,
                                   session.get(CourseProgress, license_.id) if license_ else None)}


@employee_api.post("/mine/redeem")
@requires_actor("employee")
def redeem():
    now = utcnow()
    with current_runtime().db.unit_of_work() as session:
        return employee_license_json(redeem_license(session, acting_user_id(), Cause.user(actor()), now), now)
