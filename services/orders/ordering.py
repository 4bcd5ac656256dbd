"""Placing an order, finding a company's own orders, and what the company may do before paying."""
from __future__ import annotations

import secrets
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.refusals import Conflict, Invalid, NotFound, Unreadable
from services.orders.models import Order, OrderStatus
from services.orders.outcomes import PaymentError
from services.orders.pricing import InvalidQuantity, order_total, parse_quantity
from services.orders.settings import Settings

BILLING_FIELDS = ("legal_name", "representative_name", "email", "mailing_address", "employer_account_number")
BILLING_MAX_LENGTH = 500
NUMBER_ATTEMPTS = 5
COMPANY_LISTING_LIMIT = 1000


def new_order_number() -> str:
    """Short enough to read over the phone; the unique index settles the rare collision."""
    return f"WSCC-{secrets.token_hex(4).upper()}"


def parse_billing(raw: Any) -> dict[str, str | None]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise Invalid("invalid_billing", {"billing": "invalid"})
    fields = {key: "invalid" for key in BILLING_FIELDS
              if raw.get(key) is not None and (not isinstance(raw[key], str) or len(raw[key]) > BILLING_MAX_LENGTH)}
    if fields:
        raise Invalid("invalid_billing", fields)
    return {key: raw.get(key) for key in BILLING_FIELDS}


def place_order(session: Session, settings: Settings, company_id: uuid.UUID, payload: dict) -> Order:
    try:
        quantity = parse_quantity(payload.get("quantity"), settings.min_quantity, settings.max_quantity)
    except InvalidQuantity as error:
        raise Invalid("invalid_quantity", {"quantity": error.code}) from None
    billing = parse_billing(payload.get("billing"))
    now = utcnow()
    for _ in range(NUMBER_ATTEMPTS):
        order = Order(id=uuid.uuid4(), number=new_order_number(), company_id=company_id, quantity=quantity,
                      unit_price=settings.license_price, total=order_total(quantity, settings.license_price),
                      currency=settings.currency, status=OrderStatus.AWAITING_PAYMENT, billing=billing,
                      payment_round=0, created_at=now, updated_at=now)
        try:
            with session.begin_nested():
                session.add(order)
            return order
        except IntegrityError:  # that number is taken: draw another
            continue
    raise RuntimeError("could not draw a free order number")


def company_order(session: Session, company_id: uuid.UUID, order_id: uuid.UUID, *,
                  for_update: bool = False) -> Order:
    """The company's own order; another company's answers exactly like an unknown one."""
    query = select(Order).where(Order.id == order_id, Order.company_id == company_id)
    order = session.scalar(query.with_for_update() if for_update else query)
    if order is None:
        raise NotFound("not_found")
    return order


def company_orders(session: Session, company_id: uuid.UUID) -> list[Order]:
    return list(session.scalars(select(Order).where(Order.company_id == company_id)
                                .order_by(Order.created_at.desc(), Order.number).limit(COMPANY_LISTING_LIMIT)))


def check_return_token(order: Order, paypal_order_id: Any) -> None:
    """A return from PayPal names the PayPal order it approved; any other is forged or stale."""
    if not paypal_order_id or paypal_order_id != order.paypal_order_id:
        raise Unreadable("token_mismatch")


def drop_order(session: Session, company_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    order = company_order(session, company_id, order_id, for_update=True)
    if order.status == OrderStatus.DROPPED:
        return order
    if order.status != OrderStatus.AWAITING_PAYMENT:
        raise Conflict("not_droppable")
    order.status, order.updated_at = OrderStatus.DROPPED, utcnow()
    return order


def record_payment_cancelled(session: Session, company_id: uuid.UUID, order_id: uuid.UUID,
                             paypal_order_id: Any) -> Order:
    """The buyer chose "cancel" at PayPal: the order stays payable, and says so."""
    order = company_order(session, company_id, order_id, for_update=True)
    check_return_token(order, paypal_order_id)
    if order.status == OrderStatus.AWAITING_PAYMENT:
        order.payment_error, order.updated_at = PaymentError.CANCELLED, utcnow()
    return order
