"""PayPal webhook events, once their signature is checked: each event id counts once, whatever PayPal resends.

Events only ever move an order forward through ``settle_capture`` (under the order's row lock), so one that
arrives late, early or twice changes nothing it should not.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import insert_ignoring_conflicts
from common.refusals import Unreadable
from services.orders.interactions import log_interaction
from services.orders.models import Order, OrderStatus, PayPalWebhookEvent
from services.orders.paypal.answers import capture_from_json
from services.orders.settlement import settle_capture

EnqueueCapture = Callable[[uuid.UUID], None]
# A capture event whose resource lacks a status (it should not) is read by its type.
STATUS_BY_EVENT = {"PAYMENT.CAPTURE.COMPLETED": "COMPLETED", "PAYMENT.CAPTURE.PENDING": "PENDING",
                   "PAYMENT.CAPTURE.DENIED": "DECLINED", "PAYMENT.CAPTURE.DECLINED": "DECLINED"}


def handle_event(session: Session, event: Any, enqueue_capture: EnqueueCapture) -> str:
    """Answers processed, duplicate or ignored."""
    if not isinstance(event, dict) or not event.get("id") or not isinstance(event.get("resource"), dict):
        raise Unreadable("invalid_event")
    event_id, event_type, resource = str(event["id"])[:100], str(event.get("event_type"))[:80], event["resource"]
    if not insert_ignoring_conflicts(session, PayPalWebhookEvent, {
            "event_id": event_id, "event_type": event_type, "resource_id": str(resource.get("id") or "")[:60] or None,
            "outcome": "received", "received_at": utcnow()}):
        return "duplicate"
    if event_type == "CHECKOUT.ORDER.APPROVED":
        outcome = _order_approved(session, resource, enqueue_capture)
    elif event_type in STATUS_BY_EVENT:
        outcome = _capture_changed(session, resource, STATUS_BY_EVENT[event_type])
    elif event_type == "PAYMENT.CAPTURE.REFUNDED":
        outcome = _capture_refunded(session, resource)
    else:
        outcome = "ignored"
    session.execute(update(PayPalWebhookEvent).where(PayPalWebhookEvent.event_id == event_id)
                    .values(outcome=outcome))
    return outcome


def _order_approved(session: Session, resource: dict, enqueue_capture: EnqueueCapture) -> str:
    order = session.scalar(select(Order).where(Order.paypal_order_id == str(resource.get("id"))))
    if order is None or order.status != OrderStatus.AWAITING_PAYMENT:
        return "ignored"
    # Sent before this transaction commits on purpose: if the broker refuses it, the webhook fails and PayPal
    # delivers it again; a capture that runs twice is harmless (row lock, replayed PayPal-Request-Id).
    enqueue_capture(order.id)
    return "processed"


def _capture_changed(session: Session, resource: dict, status_by_type: str) -> str:
    capture = capture_from_json({"status": status_by_type, **resource} if not resource.get("status") else resource)
    order = _locked_order(session, capture.custom_id, capture.paypal_order_id)
    if order is None:
        return "ignored"
    settle_capture(session, order, capture, "webhook")
    return "processed"


def _capture_refunded(session: Session, resource: dict) -> str:
    up = next((link.get("href", "") for link in resource.get("links") or [] if link.get("rel") == "up"), "")
    capture_id = up.rstrip("/").rsplit("/", 1)[-1] if up else None
    order = session.scalar(select(Order).where(Order.paypal_capture_id == capture_id)) if capture_id else None
    if order is None:
        return "ignored"
    log_interaction(session, "refund_webhook", str(resource.get("status")), order_id=order.id,
                    paypal_order_id=order.paypal_order_id,
                    details={"refund_id": resource.get("id"), "capture_id": capture_id,
                             "amount": resource.get("amount")})
    return "processed"


def _locked_order(session: Session, custom_id: str | None, paypal_order_id: str | None) -> Order | None:
    """Our order id travels as custom_id; the PayPal order id is the fallback."""
    condition = None
    try:
        condition = Order.id == uuid.UUID(str(custom_id))
    except ValueError:
        if paypal_order_id:
            condition = Order.paypal_order_id == paypal_order_id
    if condition is None:
        return None
    return session.scalar(select(Order).where(condition).with_for_update())
