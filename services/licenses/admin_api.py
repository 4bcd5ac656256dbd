"""The licenses service's internal API for a WSCC administrator, who knows a license only by its code."""
from __future__ import annotations

from flask import Blueprint, request

from common.api_input import json_body
from common.clock import utcnow
from common.http import actor, current_runtime, requires_actor
from services.licenses.claiming import read_code
from services.licenses.history import Cause
from services.licenses.models import Employee
from services.licenses.reinstating import license_with_code, read_deadline, reinstate_license
from services.licenses.representations import admin_license_json

admin_api = Blueprint("licenses_admin_api", __name__, url_prefix="/internal/admin/licenses")


@admin_api.get("/lookup")
@requires_actor("admin")
def lookup():
    """The license with this code (as typed), so the administrator sees what they are about to reinstate."""
    code = read_code(request.args.get("code"))
    now = utcnow()
    with current_runtime().db.reading() as session:
        license_ = license_with_code(session, code)
        employee = session.get(Employee, license_.employee_id) if license_.employee_id else None
        return admin_license_json(license_, employee, now)


@admin_api.post("/reinstate")
@requires_actor("admin")
def reinstate():
    """An expired code (as typed) gets a new deadline and is eligible again."""
    payload, now = json_body(), utcnow()
    code = read_code(payload.get("code"))
    redeem_by = read_deadline(payload.get("redeem_by"), now)
    with current_runtime().db.unit_of_work() as session:
        license_ = reinstate_license(session, code, redeem_by, Cause.user(actor()), now)
        employee = session.get(Employee, license_.employee_id) if license_.employee_id else None
        return admin_license_json(license_, employee, now)
