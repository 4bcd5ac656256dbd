"""Reading the internal API's requests: the acting user's ids, JSON bodies, query numbers."""
from __future__ import annotations

import uuid

from flask import request

from common.http import ApiError, actor
from common.text_input import refuse_control_characters


def company_id() -> uuid.UUID:
    return uuid.UUID(actor().company_id)


def user_id() -> uuid.UUID:
    return uuid.UUID(actor().user_id)


def json_object() -> dict:
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_json")
    refuse_control_characters(payload)
    return payload


def positive_int(name: str, default: int, maximum: int) -> int:
    raw = request.args.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ApiError(400, "invalid_query", {name: "not_a_number"}) from None
    if not 1 <= value <= maximum:
        raise ApiError(400, "invalid_query", {name: "out_of_range"})
    return value
