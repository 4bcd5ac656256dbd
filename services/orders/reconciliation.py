"""Reconciliation: what became of PayPal orders whose buyer never came back (closed the tab, lost the network).

Run by the scheduler every minute, in bounded batches; each order is claimed with SKIP LOCKED (a capture
already holding it is left alone) and looked at most once per ``reconcile_after_seconds``, so running it
twice, or on two workers at once, changes nothing more.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from common.runtime import ServiceRuntime
from services.orders.capturing import capture_payment, refresh_from_paypal
from services.orders.interactions import log_interaction
from services.orders.models import Order, OrderStatus
from services.orders.outcomes import CaptureOutcome, PaymentError
from services.orders.paypal.errors import PayPalError, PayPalNotFound
from services.orders.paypal.gateway import PayPalGateway
from services.orders.settings import Settings
from services.orders.settlement import settle_capture

SOURCE = "reconciliation"


def reconcile_payments(runtime: ServiceRuntime[Settings], paypal: PayPalGateway, now: datetime) -> dict[str, int]:
    """Look at up to one batch of orders; returns how many ended how."""
    settings = runtime.settings
    outcomes: Counter[str] = Counter()
    for _ in range(settings.reconcile_batch_size):
        with runtime.db.unit_of_work() as session:
            order = _claim_next(session, settings, now)
            if order is None:
                break
            outcomes[reconcile_order(session, paypal, settings, order, now)] += 1
            order.reconciled_at = now
    return dict(outcomes)


def _claim_next(session: Session, settings: Settings, now: datetime) -> Order | None:
    cutoff = now - timedelta(seconds=settings.reconcile_after_seconds)
    return session.scalar(
        select(Order).where(
            or_(and_(Order.status == OrderStatus.AWAITING_PAYMENT, Order.paypal_order_id.is_not(None),
                     Order.paypal_order_created_at <= cutoff),
                Order.status == OrderStatus.PAYMENT_PENDING),
            or_(Order.reconciled_at.is_(None), Order.reconciled_at < cutoff))
        .order_by(Order.reconciled_at.nulls_first(), Order.paypal_order_created_at)
        .limit(1).with_for_update(skip_locked=True))


def reconcile_order(session: Session, paypal: PayPalGateway, settings: Settings, order: Order,
                    now: datetime) -> CaptureOutcome:
    if order.status == OrderStatus.PAYMENT_PENDING:
        return refresh_from_paypal(session, paypal, order, SOURCE)
    try:
        current = paypal.get_order(order.paypal_order_id or "")
    except PayPalNotFound:
        current = None
    except PayPalError as error:
        log_interaction(session, "get_order", error.issue or type(error).__name__, order_id=order.id,
                        paypal_order_id=order.paypal_order_id, details=error.details())
        return CaptureOutcome.UNAVAILABLE
    # After a decline the buyer was sent to choose another way to pay; capturing the same approval again
    # would only be declined again. A new approval brings its own CHECKOUT.ORDER.APPROVED webhook.
    if current is not None and current.status == "APPROVED" and order.payment_error != PaymentError.DECLINED:
        return capture_payment(session, paypal, order, SOURCE)
    if current is not None and current.captures:
        outcome = settle_capture(session, order, current.captures[-1], SOURCE, current)
        if order.status != OrderStatus.AWAITING_PAYMENT:
            return outcome
    abandoned_since = now - timedelta(hours=settings.abandon_after_hours)
    if order.paypal_order_created_at is not None and order.paypal_order_created_at <= abandoned_since:
        order.status, order.updated_at = OrderStatus.EXPIRED, now
        log_interaction(session, "expire", "expired", order_id=order.id, paypal_order_id=order.paypal_order_id,
                        details={"paypal_status": current.status if current else "NOT_FOUND"})
        return CaptureOutcome.EXPIRED
    return CaptureOutcome.WAITING
