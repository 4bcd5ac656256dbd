"""What a capture does to an order: the outcome rules (funding instrument, scenarios) and the webhook."""
from __future__ import annotations

from decimal import Decimal

from .errors import ApiError
from .ids import resource_id
from .money import fmt
from .representations import render_capture
from .state import Capture, Order, Scenario
from .webhooks import emit

CAPTURE_EVENTS = {"COMPLETED": "PAYMENT.CAPTURE.COMPLETED", "PENDING": "PAYMENT.CAPTURE.PENDING",
                  "DECLINED": "PAYMENT.CAPTURE.DECLINED"}


def check_capturable(sb, order: Order) -> None:
    """Refusals that do not depend on the scenario; call with the store lock held."""
    if order.capture_in_flight:
        raise ApiError(409, "PREVIOUS_REQUEST_IN_PROGRESS")
    if order.status == "VOIDED":
        raise ApiError(422, "ORDER_EXPIRED", field="order_id", value=order.id, location="path")
    if order.status == "COMPLETED":
        raise ApiError(422, "ORDER_ALREADY_CAPTURED")
    if order.status != "APPROVED":
        raise ApiError(422, "ORDER_NOT_APPROVED", field="order_id", value=order.id, location="path")


def refuse_by_scenario_or_instrument(sb, order: Order, scenario: Scenario | None) -> None:
    name = scenario.name if scenario else None
    if name == "error":
        raise ApiError(500, "INTERNAL_SERVICE_ERROR")
    if name == "decline" or (order.funding or {}).get("instrument_declined"):
        raise ApiError(422, "INSTRUMENT_DECLINED")
    invoice = order.unit.get("invoice_id")
    if invoice and invoice in sb.store.captured_invoice_ids:
        raise ApiError(422, "DUPLICATE_INVOICE_ID")


def _captured_amount(order: Order, scenario: Scenario | None) -> dict:
    amount = order.unit["amount"]
    value, currency = Decimal(amount["value"]), amount["currency_code"]
    name = scenario.name if scenario else None
    params = scenario.params if scenario else {}
    if name == "amount_mismatch":
        if params.get("amount"):
            return {"currency_code": currency, "value": str(params["amount"])}
        value = value - 1 if value > 1 else value + 1
    elif name == "currency_mismatch":
        currency = params.get("currency") or ("USD" if currency != "USD" else "CAD")
    return {"currency_code": currency, "value": fmt(value, currency)}


def commit_capture(sb, order: Order, scenario: Scenario | None) -> Capture:
    """Record the capture, complete the order and queue the webhook; call with the store lock held."""
    store = sb.store
    now = store.now()
    name = scenario.name if scenario else None
    funding = order.funding or {}
    custom_id = order.unit.get("custom_id")
    if name == "custom_id_mismatch":
        custom_id = (scenario.params.get("custom_id") if scenario else None) or f"{custom_id or ''}-OTHER"
    cap = Capture(id=resource_id(), order_id=order.id, status="COMPLETED",
                  amount=_captured_amount(order, scenario), custom_id=custom_id,
                  invoice_id=order.unit.get("invoice_id"), create_time=now, update_time=now)
    if funding.get("kind") == "card":
        cap.processor_response = {"avs_code": "Y", "cvv_code": "M", "response_code": "0000"}
    reject = funding.get("reject_code") or ("0500" if name == "capture_declined" else None)
    if reject:
        cap.status = "DECLINED"
        cap.processor_response = {"avs_code": "Y", "cvv_code": "N" if reject == "00N7" else "M",
                                  "response_code": reject}
    elif name == "pending":
        cap.status, cap.status_reason = "PENDING", (scenario.params.get("reason") or "PENDING_REVIEW")
    store.captures[cap.id] = cap
    order.capture_ids.append(cap.id)
    order.status, order.update_time = "COMPLETED", now
    if cap.status != "DECLINED" and cap.invoice_id:
        store.captured_invoice_ids.add(cap.invoice_id)
    emit(sb, CAPTURE_EVENTS[cap.status], render_capture(cap, sb.base, with_order_id=True))
    return cap


def settle_pending(sb, cap: Capture, outcome: str) -> Capture:
    """Control API: a PENDING capture becomes COMPLETED or DECLINED (event DENIED)."""
    if cap.status != "PENDING":
        raise ValueError(f"capture {cap.id} is {cap.status}, not PENDING")
    cap.status = "COMPLETED" if outcome == "complete" else "DECLINED"
    cap.status_reason, cap.update_time = None, sb.store.now()
    event = "PAYMENT.CAPTURE.COMPLETED" if outcome == "complete" else "PAYMENT.CAPTURE.DENIED"
    if cap.status == "DECLINED" and cap.invoice_id:
        sb.store.captured_invoice_ids.discard(cap.invoice_id)
    emit(sb, event, render_capture(cap, sb.base, with_order_id=True))
    return cap
