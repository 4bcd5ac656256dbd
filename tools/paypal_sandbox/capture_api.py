"""POST /v2/checkout/orders/{id}/capture, with PayPal-Request-Id replay, in-flight 409 and scenarios."""
from __future__ import annotations

import time

from flask import Blueprint, jsonify, request

from .capture_logic import check_capturable, commit_capture, refuse_by_scenario_or_instrument
from .errors import ApiError, raise_for_mock_header
from .http_util import json_body, request_id, require_bearer, wants_representation
from .orders_domain import find_order
from .representations import render_order
from .runtime import current

bp = Blueprint("paypal_sandbox_capture", __name__)


@bp.before_request
def _auth():
    require_bearer(current())


@bp.post("/v2/checkout/orders/<order_id>/capture")
def capture_order(order_id: str):
    sb = current()
    store = sb.store
    raise_for_mock_header(request.headers)
    json_body(required=False)
    rid = request_id()
    view = "full" if wants_representation() else "capture"
    scope = ("capture", order_id, rid) if rid else None
    with store.lock:
        if scope:
            rec = store.idem_get(scope)
            if rec is not None and rec.state == "in_flight":
                raise ApiError(409, "PREVIOUS_REQUEST_IN_PROGRESS")
            if rec is not None and rec.ref:
                return jsonify(render_order(sb, store.orders[rec.ref[1]], view)), 200
        order = find_order(sb, order_id)
        check_capturable(sb, order)
        scenario = store.consume_scenario(order.id)
        refuse_by_scenario_or_instrument(sb, order, scenario)
        name = scenario.name if scenario else None
        delay = float(scenario.params.get("delay_seconds", 0)) if scenario else 0.0
        if scope:
            store.idem_begin(scope, sb.config.order_idempotency_ttl)
        if name == "slow":
            order.capture_in_flight = True
    try:
        if name == "slow":  # hold the request in flight before committing (concurrent duplicates get 409)
            time.sleep(delay or 2.0)
        with store.lock:
            order.capture_in_flight = False
            commit_capture(sb, order, scenario)
            if scope:
                store.idem_done(scope, ("order", order.id))
            body = render_order(sb, order, view)
    except BaseException:
        with store.lock:
            order.capture_in_flight = False
            if scope:
                store.idem_drop(scope)
        raise
    if name == "timeout":  # committed, but the answer comes too late for the client
        time.sleep(delay or sb.config.timeout_delay)
    return jsonify(body), 201
