"""The orders service's internal API for a company representative (through the front door)."""
from __future__ import annotations

import uuid

from flask import Blueprint

from common.api_input import acting_company_id, json_body
from common.http import current_runtime, requires_actor
from common.refusals import Conflict, Invalid, Refusal, Rejected, Unavailable
from services.orders import ordering
from services.orders.capturing import capture_payment
from services.orders.checkout import start_checkout
from services.orders.models import Order, OrderStatus
from services.orders.outcomes import CaptureOutcome, CheckoutOutcome, PaymentError
from services.orders.representations import order_json, receipt_json, terms_json
from services.orders.runtime import OrdersRuntime

api = Blueprint("orders_api", __name__, url_prefix="/internal/orders")

# What the buyer's browser is told after a capture that did not settle the order.
CAPTURE_REFUSALS: dict[CaptureOutcome, tuple[type[Refusal], str]] = {
    CaptureOutcome.DECLINED: (Invalid, "payment_declined"), CaptureOutcome.NOT_APPROVED: (Invalid, "not_approved"),
    CaptureOutcome.NOT_PAYABLE: (Conflict, "not_payable"),
    CaptureOutcome.UNAVAILABLE: (Unavailable, "paypal_unavailable"), CaptureOutcome.REJECTED: (Rejected, "paypal_error")}
SETTLED_FOR_THE_BUYER = (OrderStatus.PAID, OrderStatus.PAYMENT_PENDING, OrderStatus.HELD)


@api.post("")
@requires_actor("company")
def place():
    runtime = current_runtime()
    with runtime.db.unit_of_work() as session:
        order = ordering.place_order(session, runtime.settings, acting_company_id(), json_body(empty_allowed=True))
        return order_json(order), 201


@api.get("")
@requires_actor("company")
def listing():
    with current_runtime().db.reading() as session:
        return {"items": [order_json(order) for order in ordering.company_orders(session, acting_company_id())]}


@api.get("/terms")
@requires_actor()
def terms():
    """The price and the quantity bounds, for the pages that state them (any signed-in or anonymous visitor)."""
    return terms_json(current_runtime().settings)


@api.get("/<uuid:order_id>")
@requires_actor("company")
def show(order_id: uuid.UUID):
    with current_runtime().db.reading() as session:
        return order_json(ordering.company_order(session, acting_company_id(), order_id))


@api.post("/<uuid:order_id>/checkout")
@requires_actor("company")
def checkout(order_id: uuid.UUID):
    runtime: OrdersRuntime = current_runtime()
    payload = json_body(empty_allowed=True)
    with runtime.db.unit_of_work() as session:
        order = ordering.company_order(session, acting_company_id(), order_id, for_update=True)
        outcome, approve_url = start_checkout(session, runtime.settings, runtime.paypal, order, payload)
        paypal_order_id = order.paypal_order_id
    # Raised after the commit: what PayPal told us along the way is kept.
    if outcome == CheckoutOutcome.NOT_PAYABLE:
        raise Conflict("not_payable")
    if outcome != CheckoutOutcome.READY:
        raise Unavailable("paypal_unavailable")
    return {"approve_url": approve_url, "paypal_order_id": paypal_order_id}


@api.post("/<uuid:order_id>/capture")
@requires_actor("company")
def capture(order_id: uuid.UUID):
    runtime: OrdersRuntime = current_runtime()
    payload = json_body(empty_allowed=True)
    with runtime.db.unit_of_work() as session:
        order = ordering.company_order(session, acting_company_id(), order_id, for_update=True)
        ordering.check_return_token(order, payload.get("paypal_order_id"))
        outcome = capture_payment(session, runtime.paypal, order, "return")
        body = order_json(order)
    _raise_unless_settled(outcome, order)
    return body


def _raise_unless_settled(outcome: CaptureOutcome, order: Order) -> None:
    if order.status in SETTLED_FOR_THE_BUYER:
        return
    if outcome == CaptureOutcome.UNCHANGED and order.payment_error == PaymentError.DECLINED:
        outcome = CaptureOutcome.DECLINED
    kind, code = CAPTURE_REFUSALS.get(outcome, CAPTURE_REFUSALS[CaptureOutcome.NOT_APPROVED])
    raise kind(code)


@api.post("/<uuid:order_id>/payment-cancelled")
@requires_actor("company")
def payment_cancelled(order_id: uuid.UUID):
    payload = json_body(empty_allowed=True)
    with current_runtime().db.unit_of_work() as session:
        order = ordering.record_payment_cancelled(session, acting_company_id(), order_id, payload.get("paypal_order_id"))
        return order_json(order)


@api.post("/<uuid:order_id>/drop")
@requires_actor("company")
def drop(order_id: uuid.UUID):
    with current_runtime().db.unit_of_work() as session:
        return order_json(ordering.drop_order(session, acting_company_id(), order_id))


@api.get("/<uuid:order_id>/receipt")
@requires_actor("company")
def receipt(order_id: uuid.UUID):
    with current_runtime().db.reading() as session:
        order = ordering.company_order(session, acting_company_id(), order_id)
        if order.status != OrderStatus.PAID:
            raise Conflict("not_paid")
        return receipt_json(order)
