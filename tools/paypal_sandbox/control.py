"""Control API under /_sandbox: reset, scenarios, clock, approval without a browser, inspection, config."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from .approval import APPROVABLE, approve_with_card, approve_with_paypal, return_url_for, validate_card
from .capture_logic import settle_pending
from .errors import ApiError
from .ids import iso
from .orders_domain import find_order
from .representations import render_capture, render_order
from .runtime import current
from .state import Scenario

bp = Blueprint("paypal_sandbox_control", __name__, url_prefix="/_sandbox")

SCENARIOS = {"normal", "decline", "pending", "error", "timeout", "slow", "amount_mismatch", "currency_mismatch",
             "custom_id_mismatch", "capture_declined"}
SCENARIO_PARAMS = ("delay_seconds", "amount", "currency", "custom_id", "reason")


class ControlError(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def control_error(exc: ControlError):
    """Registered app-wide by create_app."""
    return jsonify({"error": str(exc)}), exc.status


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    return jsonify({"error": exc.issue, "description": exc.description}), exc.status


def _json() -> dict:
    body = request.get_json(silent=True, force=True)
    return body if isinstance(body, dict) else {}


def _order_view(sb, order) -> dict:
    scenario = sb.store.scenario_for(order.id)
    return {"order": render_order(sb, order, "full"), "experience": order.experience,
            "funding": order.funding, "cancelled": order.cancelled, "buyer_logged_in": order.buyer_logged_in,
            "scenario": scenario.as_dict() if scenario else None,
            "expires_at": iso((order.approve_time or order.create_time) + sb.config.order_ttl)
            if order.status in APPROVABLE else None}


@bp.post("/reset")
def reset():
    sb = current()
    sb.dispatcher.clear()
    sb.store.reset()
    return jsonify({"reset": True})


@bp.post("/scenario")
def scenario():
    sb = current()
    body = _json()
    name = body.get("scenario")
    if name not in SCENARIOS:
        raise ControlError(f"scenario must be one of {sorted(SCENARIOS)}")
    times = body.get("times")
    if times is not None and (not isinstance(times, int) or times < 1):
        raise ControlError("times must be a positive integer")
    params = {k: body[k] for k in SCENARIO_PARAMS if body.get(k) is not None}
    s = Scenario(name, times, params)
    store = sb.store
    with store.lock:
        if body.get("order_id"):
            find_order(sb, body["order_id"])
            store.order_scenarios[body["order_id"]] = s
            target = body["order_id"]
        elif body.get("all"):
            store.default_scenario = None if name == "normal" else s
            target = "all"
        elif name == "normal":
            store.next_scenarios.clear()
            store.default_scenario = None
            target = "next"
        else:
            store.next_scenarios.append(s)
            target = "next"
    return jsonify({"applies_to": target, **s.as_dict()})


@bp.get("/scenario")
def scenarios():
    store = current().store
    with store.lock:
        return jsonify({"orders": {k: v.as_dict() for k, v in store.order_scenarios.items()},
                        "next": [s.as_dict() for s in store.next_scenarios],
                        "all": store.default_scenario.as_dict() if store.default_scenario else None})


@bp.post("/captures/<capture_id>/<outcome>")
def settle(capture_id: str, outcome: str):
    sb = current()
    if outcome not in ("complete", "deny"):
        raise ControlError("use /complete or /deny", 404)
    with sb.store.lock:
        cap = sb.store.captures.get(capture_id)
        if cap is None:
            raise ControlError(f"no capture {capture_id}", 404)
        try:
            settle_pending(sb, cap, outcome)
        except ValueError as exc:
            raise ControlError(str(exc), 409)
        return jsonify(render_capture(cap, sb.base, with_order_id=True))


@bp.route("/clock", methods=["GET", "POST"])
def clock():
    store = current().store
    if request.method == "POST":
        body = _json()
        try:
            store.advance(float(body.get("advance_seconds", 0)))
        except (TypeError, ValueError):
            raise ControlError("advance_seconds must be a number")
    return jsonify({"now": iso(store.now()), "now_epoch": store.now(), "offset_seconds": store.offset})


@bp.post("/orders/<order_id>/approve")
def approve(order_id: str):
    sb = current()
    body = _json()
    payer = body.get("payer", "paypal")
    with sb.store.lock:
        order = find_order(sb, order_id)
        if order.status not in APPROVABLE:
            raise ControlError(f"order {order_id} is {order.status}", 409)
        if payer == "paypal":
            payer_id = approve_with_paypal(sb, order, body.get("email"))
        elif payer == "card":
            card, errors = validate_card({"card_number": body.get("card_number", "4111111111111111"),
                                          "expiry": body.get("expiry", "12/30"), "cvv": body.get("cvv", "123"),
                                          "name": body.get("name", "Sandbox Buyer"), "email": body.get("email")})
            if errors:
                raise ControlError(f"invalid card: {errors}")
            payer_id = approve_with_card(sb, order, card)
        else:
            raise ControlError('payer must be "paypal" or "card"')
        return jsonify({"order_id": order.id, "status": order.status, "payer_id": payer_id,
                        "return_url": return_url_for(order, payer_id)})


@bp.get("/orders")
def orders():
    sb = current()
    rows = []
    with sb.store.lock:
        for oid in list(sb.store.orders):
            try:
                o = find_order(sb, oid)  # applies expiry; purged orders answer 404 and are left out
            except ApiError:
                continue
            rows.append({"id": o.id, "status": o.status, "amount": o.unit["amount"],
                         "custom_id": o.unit.get("custom_id"), "capture_ids": o.capture_ids})
    return jsonify(rows)


@bp.get("/orders/<order_id>")
def order(order_id: str):
    sb = current()
    with sb.store.lock:
        return jsonify(_order_view(sb, find_order(sb, order_id)))


@bp.route("/config", methods=["GET", "POST"])
def config():
    sb = current()
    if request.method == "POST":
        body = _json()
        allowed = {"webhook_url", "timeout_delay", "webhook_retry_delays", "webhook_max_attempts",
                   "webhook_timeout", "token_ttl", "order_ttl", "order_purge"}
        unknown = sorted(set(body) - allowed)
        if unknown:
            raise ControlError(f"unknown settings {unknown}; allowed: {sorted(allowed)}")
        if "webhook_retry_delays" in body:
            body["webhook_retry_delays"] = tuple(float(x) for x in body["webhook_retry_delays"])
        sb.config = sb.config.updated(**body)
    cfg = sb.config
    return jsonify({"base_url": cfg.public_base, "webhook_url": cfg.webhook_url, "webhook_id": cfg.webhook_id,
                    "cert_url": sb.signer.cert_url, "timeout_delay": cfg.timeout_delay,
                    "webhook_retry_delays": list(cfg.webhook_retry_delays),
                    "webhook_max_attempts": cfg.webhook_max_attempts, "webhook_timeout": cfg.webhook_timeout,
                    "token_ttl": cfg.token_ttl, "order_ttl": cfg.order_ttl, "order_purge": cfg.order_purge})


@bp.post("/tokens/expire")
def expire_tokens():
    store = current().store
    with store.lock:
        count = len(store.tokens)
        store.tokens.clear()
    return jsonify({"expired": count})
