"""Reading an internal API request, the same way in every service: who is acting, the JSON body, query numbers.

Anything malformed is a domain refusal (``Unreadable``), answered once by ``common.http`` as a 400.
"""
from __future__ import annotations

import uuid

from flask import request

from common.http import actor
from common.refusals import Unreadable
from common.text_input import refuse_control_characters

STAFF_ROLES = ("reviewer", "admin")
# The only fields of a body, in any service, that may hold line breaks: what a reviewer writes to a person, what a
# requirement says, a billing address, a lesson, a sign-off note.
MULTILINE_FIELDS = ("reason", "message", "description_en", "description_fr", "mailing_address", "body_en", "body_fr",
                    "note")


def acting_user_id() -> uuid.UUID:
    """The user the token names (an employee's user id is also their employee id in events)."""
    return _uuid(actor().user_id)


def acting_company_id() -> uuid.UUID:
    return _uuid(actor().company_id)


def acting_as_staff() -> bool:
    return actor().role in STAFF_ROLES


def json_body(*, empty_allowed: bool = False) -> dict:
    """The request's JSON object, free of control characters; with ``empty_allowed`` an empty body reads as an
    empty object."""
    payload = request.get_json(silent=True)
    if payload is None and empty_allowed and not request.get_data():
        return {}
    if not isinstance(payload, dict):
        raise Unreadable("invalid_json")
    refuse_control_characters(payload, MULTILINE_FIELDS)
    return payload


def query_int(name: str, default: int, maximum: int) -> int:
    """A whole number from 1 to ``maximum`` in the query string, or ``default`` when absent."""
    raw = request.args.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise Unreadable("invalid_query", {name: "not_a_number"}) from None
    if not 1 <= value <= maximum:
        raise Unreadable("invalid_query", {name: "out_of_range"})
    return value


def _uuid(raw: str | None) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise Unreadable("invalid_actor") from None
