"""Orders v2: create and show (capture lives in capture_api)."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from .errors import ApiError, raise_for_mock_header
from .http_util import json_body, request_id, require_bearer, wants_representation
from .orders_domain import build_order, find_order
from .representations import render_order
from .runtime import current

bp = Blueprint("paypal_sandbox_orders", __name__)


@bp.before_request
def _auth():
    require_bearer(current())


@bp.post("/v2/checkout/orders")
def create_order():
    sb = current()
    store = sb.store
    raise_for_mock_header(request.headers)
    rid = request_id()
    body = json_body(required=True)
    view = "full" if wants_representation() else "minimal"
    with store.lock:
        scope = ("create", rid) if rid else None
        if scope:
            rec = store.idem_get(scope)
            if rec is not None and rec.state == "in_flight":
                raise ApiError(409, "PREVIOUS_REQUEST_IN_PROGRESS")
            if rec is not None and rec.ref and rec.ref[1] in store.orders:
                return jsonify(render_order(sb, find_order(sb, rec.ref[1]), view)), 200
        order = build_order(body, store.now())
        store.orders[order.id] = order
        store.assign_scenario_on_create(order.id)
        if scope:
            store.idem_begin(scope, sb.config.order_idempotency_ttl)
            store.idem_done(scope, ("order", order.id))
        return jsonify(render_order(sb, order, view)), 201


@bp.get("/v2/checkout/orders/<order_id>")
def get_order(order_id: str):
    sb = current()
    raise_for_mock_header(request.headers)
    with sb.store.lock:
        return jsonify(render_order(sb, find_order(sb, order_id), "full"))
