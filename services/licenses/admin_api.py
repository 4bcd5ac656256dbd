"""The licenses service's internal API for a WSCC administrator."""
from __future__ import annotations

import uuid

from flask import Blueprint

from common.clock import utcnow
from common.http import actor, requires_actor
from services.licenses.api_input import json_object
from services.licenses.history import Cause
from services.licenses.presenting import employee_license_json
from services.licenses.reinstating import read_deadline, reinstate_license
from services.licenses.runtime import get_runtime

admin_api = Blueprint("licenses_admin_api", __name__, url_prefix="/internal/admin/licenses")


@admin_api.post("/<uuid:license_id>/reinstate")
@requires_actor("admin")
def reinstate(license_id: uuid.UUID):
    """An expired code gets a new deadline and is eligible again."""
    now = utcnow()
    redeem_by = read_deadline(json_object().get("redeem_by"), now)
    with get_runtime().db.unit_of_work() as session:
        license_ = reinstate_license(session, license_id, redeem_by, Cause.user(actor()), now)
        return employee_license_json(license_, now)
