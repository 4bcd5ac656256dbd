"""What every part of the internal API shares: who is acting, and reading a JSON body."""
from __future__ import annotations

import uuid

from flask import request

from common.http import ApiError, actor
from common.text_input import refuse_control_characters

STAFF = ("reviewer", "admin")
# The only fields of a body that may hold line breaks: what a reviewer writes, what a requirement says.
MULTILINE_FIELDS = ("reason", "message", "description_en", "description_fr")


def acting_employee_id() -> uuid.UUID:
    """The employee the token names (the front door's user id is the employee id of the events)."""
    try:
        return uuid.UUID(actor().user_id)
    except (TypeError, ValueError):
        raise ApiError(400, "invalid_actor") from None


def is_staff() -> bool:
    return actor().role in STAFF


def json_body() -> dict:
    """The request's JSON object; an empty body is an empty object."""
    payload = request.get_json(silent=True)
    if payload is None and not request.get_data():
        return {}
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_json")
    refuse_control_characters(payload, MULTILINE_FIELDS)
    return payload
