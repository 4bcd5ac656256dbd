"""Payments v2: refund a capture (full or partial), show a capture, show a refund."""
from __future__ import annotations

from decimal import Decimal

from flask import Blueprint, jsonify, request

from .errors import ApiError, raise_for_mock_header
from .http_util import json_body, request_id, require_bearer, wants_representation
from .ids import resource_id
from .money import fmt, parse_money
from .representations import render_capture, render_refund
from .runtime import current
from .state import Refund
from .webhooks import emit

bp = Blueprint("paypal_sandbox_payments", __name__)


@bp.before_request
def _auth():
    require_bearer(current())


def _capture_or_404(store, capture_id: str):
    cap = store.captures.get(capture_id)
    if cap is None:
        raise ApiError(404, "INVALID_RESOURCE_ID", field="capture_id", value=capture_id, location="path")
    return cap


def _refund_view(sb, ref: Refund, view: str) -> dict:
    cap = sb.store.captures.get(ref.capture_id)
    return render_refund(ref, sb.base, view, refunded_total=cap.refunded if cap else None)


@bp.post("/v2/payments/captures/<capture_id>/refund")
def refund_capture(capture_id: str):
    sb = current()
    store = sb.store
    raise_for_mock_header(request.headers)
    body = json_body(required=False)
    rid = request_id()
    view = "full" if wants_representation() else "minimal"
    scope = ("refund", capture_id, rid) if rid else None
    with store.lock:
        if scope:
            rec = store.idem_get(scope)
            if rec is not None and rec.state == "in_flight":
                raise ApiError(409, "PREVIOUS_REQUEST_IN_PROGRESS")
            if rec is not None and rec.ref and rec.ref[1] in store.refunds:
                return jsonify(_refund_view(sb, store.refunds[rec.ref[1]], view)), 200
        cap = _capture_or_404(store, capture_id)
        if cap.status == "PENDING":
            raise ApiError(422, "PENDING_CAPTURE")
        if cap.status == "REFUNDED":
            raise ApiError(422, "CAPTURE_FULLY_REFUNDED")
        if cap.status not in ("COMPLETED", "PARTIALLY_REFUNDED"):
            raise ApiError(422, "REFUND_NOT_ALLOWED")
        currency = cap.amount["currency_code"]
        remaining = Decimal(cap.amount["value"]) - cap.refunded
        if body.get("amount") is not None:
            value, cur = parse_money(body["amount"], "/amount")
            if cur != currency:
                raise ApiError(422, "CURRENCY_MISMATCH", field="/amount/currency_code", value=cur)
            if value > remaining:
                raise ApiError(422, "REFUND_AMOUNT_EXCEEDED", field="/amount/value", value=body["amount"]["value"])
        else:
            value = remaining
        now = store.now()
        ref = Refund(id=resource_id(), capture_id=cap.id, status="COMPLETED",
                     amount={"currency_code": currency, "value": fmt(value, currency)}, create_time=now,
                     custom_id=cap.custom_id, invoice_id=body.get("invoice_id") or cap.invoice_id,
                     note_to_payer=body.get("note_to_payer"))
        store.refunds[ref.id] = ref
        cap.refunded += value
        cap.refund_ids.append(ref.id)
        cap.status = "REFUNDED" if cap.refunded >= Decimal(cap.amount["value"]) else "PARTIALLY_REFUNDED"
        cap.update_time = now
        if scope:
            store.idem_begin(scope, sb.config.refund_idempotency_ttl)
            store.idem_done(scope, ("refund", ref.id))
        emit(sb, "PAYMENT.CAPTURE.REFUNDED", _refund_view(sb, ref, "full"))
        return jsonify(_refund_view(sb, ref, view)), 201


@bp.get("/v2/payments/captures/<capture_id>")
def get_capture(capture_id: str):
    sb = current()
    raise_for_mock_header(request.headers)
    with sb.store.lock:
        return jsonify(render_capture(_capture_or_404(sb.store, capture_id), sb.base, with_order_id=True))


@bp.get("/v2/payments/refunds/<refund_id>")
def get_refund(refund_id: str):
    sb = current()
    raise_for_mock_header(request.headers)
    with sb.store.lock:
        ref = sb.store.refunds.get(refund_id)
        if ref is None:
            raise ApiError(404, "INVALID_RESOURCE_ID", field="refund_id", value=refund_id, location="path")
        return jsonify(_refund_view(sb, ref, "full"))
