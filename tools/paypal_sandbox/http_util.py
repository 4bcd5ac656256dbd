"""Request helpers shared by the REST routes."""
from __future__ import annotations

import json
import time

from flask import request

from .errors import ApiError


def json_body(required: bool) -> dict:
    """The JSON object sent, `{}` for an empty body (when allowed), or a 400 like PayPal's."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        if required:
            raise ApiError(400, "MALFORMED_REQUEST_JSON", field="/")
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        raise ApiError(400, "MALFORMED_REQUEST_JSON", field="/")
    if not isinstance(body, dict):
        raise ApiError(400, "MALFORMED_REQUEST_JSON", field="/")
    return body


def wants_representation() -> bool:
    return "return=representation" in (request.headers.get("Prefer") or "").replace(" ", "").lower()


def request_id() -> str | None:
    rid = request.headers.get("PayPal-Request-Id")
    if rid is not None and not 1 <= len(rid) <= 108:
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", "PayPal-Request-Id must be 1 to 108 characters.",
                       field="PayPal-Request-Id", location="header")
    return rid or None


def require_bearer(sb) -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    with sb.store.lock:
        expiry = sb.store.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if expiry is not None and expiry <= time.time():
            del sb.store.tokens[token.strip()]
            expiry = None
    if expiry is None:
        raise ApiError(401, "AUTHENTICATION_FAILURE")
