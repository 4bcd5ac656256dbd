"""Sending the buyer to PayPal: one PayPal order per order, reused while the buyer can still approve it."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from common.clock import utcnow
from common.refusals import Invalid
from services.orders.interactions import log_interaction
from services.orders.models import Order, OrderStatus
from services.orders.outcomes import CheckoutOutcome
from services.orders.paypal.errors import PayPalError, PayPalNotFound
from services.orders.paypal.gateway import PayPalGateway, PurchaseRequest
from services.orders.paypal.answers import OrderView
from services.orders.settings import Settings
from services.orders.settlement import settle_capture

LOCALE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
URL_MAX_LENGTH = 1000


def _url(raw: Any) -> bool:
    if not isinstance(raw, str) or len(raw) > URL_MAX_LENGTH:
        return False
    parts = urlsplit(raw)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_checkout(payload: dict) -> tuple[str, str, str | None]:
    fields = {name: "invalid_url" for name in ("return_url", "cancel_url") if not _url(payload.get(name))}
    locale = payload.get("locale")
    if locale is not None and not (isinstance(locale, str) and LOCALE.match(locale)):
        fields["locale"] = "invalid_locale"
    if fields:
        raise Invalid("invalid_checkout", fields)
    return payload["return_url"], payload["cancel_url"], locale


def create_request_id(order: Order) -> str:
    return f"wscc-{order.id}-create-{order.payment_round}"


def start_checkout(session: Session, settings: Settings, paypal: PayPalGateway, order: Order,
                   payload: dict) -> tuple[CheckoutOutcome, str | None]:
    """The outcome, and the approval link when ready. The order must be locked."""
    return_url, cancel_url, locale = parse_checkout(payload)
    if order.status != OrderStatus.AWAITING_PAYMENT:
        return CheckoutOutcome.NOT_PAYABLE, None
    if order.paypal_order_id:
        try:
            current = paypal.get_order(order.paypal_order_id)
        except PayPalNotFound:
            current = None
        except PayPalError as error:
            log_interaction(session, "get_order", error.issue or type(error).__name__, order_id=order.id,
                            paypal_order_id=order.paypal_order_id, details=error.details())
            return CheckoutOutcome.UNAVAILABLE, None
        if current is not None and current.approvable and order.paypal_approve_url:
            order.payment_error = None
            return CheckoutOutcome.READY, order.paypal_approve_url
        if not _still_payable_after(session, order, current):
            return CheckoutOutcome.NOT_PAYABLE, None
        order.payment_round += 1  # a replacement PayPal order: the old create request id must not replay
    return _create_paypal_order(session, paypal, order, PurchaseRequest(
        amount=order.total, currency=order.currency, custom_id=str(order.id), invoice_id=order.number,
        description=f"{settings.brand_name}: {order.quantity} licenses", brand_name=settings.brand_name,
        return_url=return_url, cancel_url=cancel_url, locale=locale))


def _still_payable_after(session: Session, order: Order, current: OrderView | None) -> bool:
    """A PayPal order past approval may hold a capture we never heard of: settle it before asking again."""
    capture = current.latest_capture() if current is not None else None
    if capture is not None:
        settle_capture(session, order, capture, "checkout", current)
    return order.status == OrderStatus.AWAITING_PAYMENT


def _create_paypal_order(session: Session, paypal: PayPalGateway, order: Order, purchase: PurchaseRequest) -> tuple[CheckoutOutcome, str | None]:
    request_id = create_request_id(order)
    try:
        created = paypal.create_order(purchase, request_id)
    except PayPalError as error:
        log_interaction(session, "create_order", error.issue or type(error).__name__, order_id=order.id,
                        request_id=request_id, details=error.details())
        return CheckoutOutcome.UNAVAILABLE, None
    log_interaction(session, "create_order", created.status, order_id=order.id, paypal_order_id=created.id,
                    request_id=request_id)
    if not created.approve_url:
        return CheckoutOutcome.UNAVAILABLE, None
    order.paypal_order_id, order.paypal_approve_url = created.id, created.approve_url
    order.paypal_order_created_at = order.updated_at = utcnow()
    order.payment_error = None
    return CheckoutOutcome.READY, created.approve_url
