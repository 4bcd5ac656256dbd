"""Routes for the front door itself (PayPal's webhooks, forwarded unchanged) and for administrators."""
from __future__ import annotations

import json
import logging

from flask import Blueprint, request
from sqlalchemy import select

from common.http import current_runtime, requires_actor
from common.refusals import Unreadable
from services.orders.models import Order, OrderStatus
from services.orders.paypal.signatures import InvalidSignatureError
from services.orders.representations import admin_order_json
from services.orders.runtime import OrdersRuntime
from services.orders.webhooks import handle_event

log = logging.getLogger(__name__)
system_api = Blueprint("orders_system_api", __name__, url_prefix="/internal")
ADMIN_LISTING_LIMIT = 500


@system_api.post("/paypal/webhooks")
@requires_actor("system")
def paypal_webhook():
    runtime: OrdersRuntime = current_runtime()
    body = request.get_data()  # the exact bytes PayPal signed
    try:
        runtime.webhook_verifier.verify(request.headers, body)
    except InvalidSignatureError as error:
        log.warning("PayPal webhook refused", extra={"reason": str(error)})
        raise Unreadable("invalid_signature") from None
    try:
        event = json.loads(body)
    except ValueError:
        raise Unreadable("invalid_event") from None
    with runtime.db.unit_of_work() as session:
        outcome = handle_event(session, event, runtime.tasks.enqueue_capture)
    log.info("PayPal webhook handled", extra={"event_id": event.get("id"), "event_type": event.get("event_type"),
                                              "outcome": outcome})
    return {"outcome": "processed" if outcome not in ("duplicate", "ignored") else outcome}


@system_api.get("/admin/orders")
@requires_actor("admin")
def admin_orders():
    status = request.args.get("status", OrderStatus.HELD)
    if status not in set(OrderStatus):
        raise Unreadable("invalid_query", {"status": "unknown_status"})
    with current_runtime().db.reading() as session:
        orders = session.scalars(select(Order).where(Order.status == status)
                                 .order_by(Order.updated_at.desc()).limit(ADMIN_LISTING_LIMIT))
        return {"items": [admin_order_json(order) for order in orders]}
