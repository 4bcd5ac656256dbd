"""Capturing an order's payment at PayPal: the one function the return page, webhooks and reconciliation use.

The caller holds the order's row lock for the whole call, so two captures of one order never run at once;
the PayPal-Request-Id is derived from the order, so a capture retried after a timeout or a crash (whose
outcome we never recorded) is replayed by PayPal rather than charged again.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from services.orders.interactions import log_interaction
from services.orders.models import Order, OrderStatus
from services.orders.outcomes import CaptureOutcome
from services.orders.paypal.errors import PayPalError, PayPalRejected
from services.orders.paypal.gateway import PayPalGateway
from services.orders.settlement import SETTLED, record_decline, settle_capture

# PayPal's answers to a capture that mean "this funding source will not pay; the buyer may choose another".
DECLINE_ISSUES = ("INSTRUMENT_DECLINED", "PAYER_CANNOT_PAY", "TRANSACTION_REFUSED",
                  "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED")
NOT_APPROVED_ISSUES = ("ORDER_NOT_APPROVED", "PAYER_ACTION_REQUIRED", "ORDER_EXPIRED", "INVALID_RESOURCE_ID")


def capture_request_id(order: Order) -> str:
    return f"wscc-{order.id}-capture-{order.payment_round}"


def capture_payment(session: Session, paypal: PayPalGateway, order: Order, source: str) -> CaptureOutcome:
    """Capture (or learn the fate of) the order's payment. The order must be locked by the caller."""
    if order.status in SETTLED:
        return CaptureOutcome.UNCHANGED
    if order.status == OrderStatus.PAYMENT_PENDING:
        return refresh_from_paypal(session, paypal, order, source)
    if order.status != OrderStatus.AWAITING_PAYMENT or not order.paypal_order_id:
        return CaptureOutcome.NOT_PAYABLE
    request_id = capture_request_id(order)
    try:
        answer = paypal.capture_order(order.paypal_order_id, request_id)
    except PayPalError as error:
        log_interaction(session, "capture_order", error.issue or type(error).__name__, order_id=order.id,
                        paypal_order_id=order.paypal_order_id, request_id=request_id, details=error.details())
        return _after_refusal(session, paypal, order, source, error)
    log_interaction(session, "capture_order", answer.status, order_id=order.id, paypal_order_id=answer.id,
                    request_id=request_id)
    capture = answer.latest_capture()
    if capture is None:
        return CaptureOutcome.UNAVAILABLE  # an answer without a capture: ask again later
    return settle_capture(session, order, capture, source, answer)


def _after_refusal(session: Session, paypal: PayPalGateway, order: Order, source: str, error: PayPalError) -> CaptureOutcome:
    if not isinstance(error, PayPalRejected):
        return CaptureOutcome.UNAVAILABLE
    if error.issue == "ORDER_ALREADY_CAPTURED":
        return refresh_from_paypal(session, paypal, order, source)
    if error.issue in DECLINE_ISSUES:
        record_decline(order)
        return CaptureOutcome.DECLINED
    if error.issue in NOT_APPROVED_ISSUES or error.status == 404:
        return CaptureOutcome.NOT_APPROVED
    return CaptureOutcome.REJECTED


def refresh_from_paypal(session: Session, paypal: PayPalGateway, order: Order, source: str) -> CaptureOutcome:
    """Ask PayPal for the order and settle from its latest capture (it was captured elsewhere, or pending)."""
    try:
        answer = paypal.get_order(order.paypal_order_id or "")
    except PayPalError as error:
        log_interaction(session, "get_order", error.issue or type(error).__name__, order_id=order.id,
                        paypal_order_id=order.paypal_order_id, details=error.details())
        return CaptureOutcome.NOT_APPROVED if isinstance(error, PayPalRejected) else CaptureOutcome.UNAVAILABLE
    log_interaction(session, "get_order", answer.status, order_id=order.id, paypal_order_id=answer.id)
    capture = answer.latest_capture()
    if capture is None:
        return CaptureOutcome.UNCHANGED if answer.status == "APPROVED" else CaptureOutcome.NOT_APPROVED
    return settle_capture(session, order, capture, source, answer)
