"""Applying what PayPal says about an order's capture: the one place an order becomes paid, pending or held.

Callers hold the order's row lock (SELECT ... FOR UPDATE), so the return page, a webhook and reconciliation
settle one after another, and whatever comes second or twice finds the order settled and changes nothing.
"""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events import new_event
from common.events.schemas import OrderPaid
from common.outbox import record_event
from services.orders.interactions import log_interaction
from services.orders.models import Order, OrderStatus, Outbox
from services.orders.outcomes import CaptureOutcome, PaymentError
from services.orders.payment_checks import Expected, mismatch
from services.orders.paypal.answers import CaptureView, OrderView

log = logging.getLogger(__name__)

SETTLED = (OrderStatus.PAID, OrderStatus.HELD)
CLOSED = (OrderStatus.DROPPED, OrderStatus.EXPIRED)
MONEY_TAKEN = ("COMPLETED", "PENDING", "REFUNDED", "PARTIALLY_REFUNDED")
MONEY_REFUSED = ("DECLINED", "FAILED")


def expected_payment(order: Order) -> Expected:
    return Expected(total=order.total, currency=order.currency, custom_id=str(order.id), invoice_id=order.number)


def settle_capture(session: Session, order: Order, capture: CaptureView, source: str,
                   paypal_order: OrderView | None = None) -> CaptureOutcome:
    """Paid, pending, held, declined, or unchanged."""
    if order.status in SETTLED:
        if capture.id != order.paypal_capture_id:
            log.warning("another capture for a settled order", extra={"order_id": str(order.id)})
        return CaptureOutcome.UNCHANGED
    if capture.status in MONEY_TAKEN:
        outcome = _money_taken(session, order, capture, paypal_order)
    elif capture.status in MONEY_REFUSED:
        outcome = _money_refused(order, capture)
    else:
        outcome = CaptureOutcome.UNCHANGED
    log_interaction(session, f"settle:{source}", outcome, order_id=order.id,
                    paypal_order_id=capture.paypal_order_id,
                    details={"capture_id": capture.id, "capture_status": capture.status, "reason": capture.reason})
    return outcome


def _money_taken(session: Session, order: Order, capture: CaptureView, paypal_order: OrderView | None) -> CaptureOutcome:
    problem = mismatch(expected_payment(order), capture)
    if capture.paypal_order_id and capture.paypal_order_id != order.paypal_order_id:
        problem = "; ".join(filter(None, [problem, f"PayPal order {capture.paypal_order_id} is not the order's"]))
    if order.status in CLOSED:
        problem = "; ".join(filter(None, [f"payment arrived after the order was {order.status}", problem]))
    if capture.status in ("REFUNDED", "PARTIALLY_REFUNDED"):
        problem = "; ".join(filter(None, [f"capture already {capture.status.lower()}", problem]))
    _remember_payer(order, capture, paypal_order)
    now = utcnow()
    order.updated_at, order.payment_error = now, None
    if problem:
        order.status, order.hold_reason = OrderStatus.HELD, problem[:300]
        log.warning("payment held", extra={"order_id": str(order.id), "reason": problem})
        return CaptureOutcome.HELD
    if capture.status == "PENDING":
        order.status = OrderStatus.PAYMENT_PENDING
        return CaptureOutcome.PENDING
    order.status, order.paid_at = OrderStatus.PAID, now
    record_event(session, Outbox, new_event("order.paid", OrderPaid(
        order_id=order.id, order_number=order.number, company_id=order.company_id, quantity=order.quantity,
        unit_price=order.unit_price, total=order.total, currency=order.currency,
        paypal_order_id=order.paypal_order_id or capture.paypal_order_id or "", paypal_capture_id=capture.id,
        paid_at=now)))
    return CaptureOutcome.PAID


def _money_refused(order: Order, capture: CaptureView) -> CaptureOutcome:
    if order.status not in (OrderStatus.AWAITING_PAYMENT, OrderStatus.PAYMENT_PENDING):
        return CaptureOutcome.UNCHANGED
    if capture.paypal_order_id and capture.paypal_order_id != order.paypal_order_id:
        return CaptureOutcome.UNCHANGED  # about a PayPal order this order no longer uses
    if order.status == OrderStatus.PAYMENT_PENDING and capture.id != order.paypal_capture_id:
        return CaptureOutcome.UNCHANGED  # an older attempt's news; the pending capture still stands
    if order.status == OrderStatus.AWAITING_PAYMENT and capture.id == order.paypal_capture_id:
        return CaptureOutcome.UNCHANGED  # this decline is already recorded
    record_decline(order)
    order.paypal_capture_id = capture.id
    return CaptureOutcome.DECLINED


def record_decline(order: Order) -> None:
    """The buyer may try again (another card, another account): the next capture gets a new request id."""
    order.status, order.payment_error = OrderStatus.AWAITING_PAYMENT, PaymentError.DECLINED
    order.payment_round += 1
    order.updated_at = utcnow()


def _remember_payer(order: Order, capture: CaptureView, paypal_order: OrderView | None) -> None:
    order.paypal_capture_id = capture.id
    if paypal_order is not None:
        order.payer_id = paypal_order.payer_id or order.payer_id
        order.payer_email = paypal_order.payer_email or order.payer_email
        order.payer_name = paypal_order.payer_name or order.payer_name
