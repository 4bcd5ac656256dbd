"""Control API, inspection side: the journal of REST requests, webhook events, replay and arbitrary sends."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from .control import ControlError, _json
from .runtime import current
from .webhooks import TAMPERS, emit, public_view

bp = Blueprint("paypal_sandbox_control_webhooks", __name__, url_prefix="/_sandbox")


@bp.get("/requests")
def requests_journal():
    """?path_contains=...&method=POST&since=<seq> filter the journal (oldest first)."""
    store = current().store
    path_part = request.args.get("path_contains")
    method = (request.args.get("method") or "").upper()
    since = request.args.get("since", type=int, default=0)
    with store.lock:
        rows = [r for r in store.journal if r["seq"] > since
                and (not path_part or path_part in r["path"]) and (not method or r["method"] == method)]
    return jsonify(rows)


@bp.get("/webhooks")
def webhooks():
    """?event_type=PAYMENT.CAPTURE.COMPLETED&order_id=... filter the events (oldest first)."""
    store = current().store
    wanted = request.args.get("event_type")
    order_id = request.args.get("order_id")
    with store.lock:
        views = [public_view(r) for r in store.events.values() if not wanted or r["event_type"] == wanted]
    if order_id:
        views = [v for v in views if _order_of(v["event"]) == order_id]
    return jsonify(views)


def _order_of(event: dict) -> str | None:
    resource = event.get("resource") or {}
    if event.get("resource_type") == "checkout-order":
        return resource.get("id")
    return ((resource.get("supplementary_data") or {}).get("related_ids") or {}).get("order_id")


@bp.get("/webhooks/<event_id>")
def webhook(event_id: str):
    store = current().store
    with store.lock:
        record = store.events.get(event_id)
        if record is None:
            raise ControlError(f"no event {event_id}", 404)
        return jsonify(public_view(record))


@bp.post("/webhooks/<event_id>/replay")
def replay(event_id: str):
    """Deliver the same event (same id and body, fresh transmission headers) again; {"url": ...} optional."""
    sb = current()
    body = _json()
    with sb.store.lock:
        record = sb.store.events.get(event_id)
        if record is None:
            raise ControlError(f"no event {event_id}", 404)
        target = body.get("url") or record["target"] or sb.config.webhook_url
        if not target:
            raise ControlError("no webhook URL configured")
        record.update(target=target, status="pending", round=record["round"] + 1, round_attempts=0)
    sb.dispatcher.schedule(event_id)
    return jsonify({"replayed": event_id, "target": target})


@bp.post("/webhooks/send")
def send():
    """{"event_type", "resource", "tamper"?: signature|cert_url|body|webhook_id, "event_id"?, "url"?,
    "resource_type"?}: sign and deliver an arbitrary event."""
    sb = current()
    body = _json()
    if not body.get("event_type") or not isinstance(body.get("resource"), dict):
        raise ControlError("event_type (string) and resource (object) are required")
    if body.get("tamper") not in TAMPERS:
        raise ControlError(f"tamper must be one of {sorted(t for t in TAMPERS if t)}")
    record = emit(sb, body["event_type"], body["resource"], tamper=body.get("tamper"),
                  event_id=body.get("event_id"), url=body.get("url"), resource_type=body.get("resource_type"))
    return jsonify(public_view(record)), 201
