"""JSON shapes of orders, captures and refunds, as PayPal's Orders v2 / Payments v2 return them."""
from __future__ import annotations

from decimal import Decimal

from .ids import iso
from .money import breakdown, money
from .state import Capture, Order, Refund

SETTLED = {"COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"}


def _link(href: str, rel: str, method: str = "GET") -> dict:
    return {"href": href, "rel": rel, "method": method}


def order_links(order: Order, base: str) -> list[dict]:
    self_href = f"{base}/v2/checkout/orders/{order.id}"
    links = [_link(self_href, "self")]
    if order.status in ("CREATED", "PAYER_ACTION_REQUIRED"):
        links.append(_link(f"{base}/checkoutnow?token={order.id}", order.link_style))
        if order.link_style == "approve":
            links += [_link(self_href, "update", "PATCH"), _link(f"{self_href}/capture", "capture", "POST")]
    elif order.status == "APPROVED":
        links += [_link(self_href, "update", "PATCH"), _link(f"{self_href}/capture", "capture", "POST")]
    return links


def _payment_source(order: Order) -> dict | None:
    if order.payment_source is not None:
        return order.payment_source
    return {"paypal": {}} if order.link_style == "payer-action" else None


def render_order(sb, order: Order, view: str = "full") -> dict:
    """view: "full" (GET, Prefer: return=representation), "minimal", or "capture" (capture's minimal)."""
    base, store = sb.base, sb.store
    body: dict = {"id": order.id, "status": order.status}
    source = _payment_source(order)
    if view == "minimal":
        if source is not None:
            body["payment_source"] = source
        body["links"] = order_links(order, base)
        return body
    if source is not None:
        body["payment_source"] = source
    unit = order.unit
    pu: dict = {"reference_id": unit.get("reference_id", "default")}
    if view == "full":
        body["intent"] = order.intent
        pu["amount"] = unit["amount"]
        pu["payee"] = {"email_address": sb.config.merchant_email, "merchant_id": sb.config.merchant_id}
        for key in ("description", "custom_id", "invoice_id", "soft_descriptor", "items", "shipping"):
            if unit.get(key) is not None:
                pu[key] = unit[key]
    if order.capture_ids:
        pu["payments"] = {"captures": [render_capture(store.captures[c], base) for c in order.capture_ids]}
    if view == "full" or order.capture_ids:
        body["purchase_units"] = [pu]
    if order.payer is not None:
        body["payer"] = order.payer
    if view == "full":
        body["create_time"] = iso(order.create_time)
        if order.update_time != order.create_time:
            body["update_time"] = iso(order.update_time)
    body["links"] = order_links(order, base)
    return body


def render_capture(cap: Capture, base: str, with_order_id: bool = False) -> dict:
    href = f"{base}/v2/payments/captures/{cap.id}"
    body: dict = {"id": cap.id, "status": cap.status}
    if cap.status_reason:
        body["status_details"] = {"reason": cap.status_reason}
    body["amount"] = cap.amount
    body["final_capture"] = True
    body["seller_protection"] = {"status": "ELIGIBLE",
                                 "dispute_categories": ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"]}
    if cap.status in SETTLED:
        gross = Decimal(cap.amount["value"])
        body["seller_receivable_breakdown"] = breakdown(gross, cap.amount["currency_code"])
    if cap.custom_id is not None:
        body["custom_id"] = cap.custom_id
    if cap.invoice_id is not None:
        body["invoice_id"] = cap.invoice_id
    if cap.processor_response is not None:
        body["processor_response"] = cap.processor_response
    links = [_link(href, "self")]
    if cap.status in ("COMPLETED", "PARTIALLY_REFUNDED"):
        links.append(_link(f"{href}/refund", "refund", "POST"))
    links.append(_link(f"{base}/v2/checkout/orders/{cap.order_id}", "up"))
    body["links"] = links
    body["create_time"] = iso(cap.create_time)
    body["update_time"] = iso(cap.update_time)
    if with_order_id:
        body["supplementary_data"] = {"related_ids": {"order_id": cap.order_id}}
    return body


def render_refund(ref: Refund, base: str, view: str = "full", refunded_total: Decimal | None = None) -> dict:
    links = [_link(f"{base}/v2/payments/refunds/{ref.id}", "self"),
             _link(f"{base}/v2/payments/captures/{ref.capture_id}", "up")]
    if view == "minimal":
        return {"id": ref.id, "status": ref.status, "links": links}
    cur = ref.amount["currency_code"]
    gross = Decimal(ref.amount["value"])
    body: dict = {"id": ref.id, "status": ref.status, "amount": ref.amount}
    for key in ("custom_id", "invoice_id", "note_to_payer"):
        if getattr(ref, key) is not None:
            body[key] = getattr(ref, key)
    body["seller_payable_breakdown"] = {
        "gross_amount": ref.amount, "paypal_fee": money(Decimal(0), cur), "net_amount": ref.amount,
        "total_refunded_amount": money(gross if refunded_total is None else refunded_total, cur),
    }
    body["links"] = links
    body["create_time"] = iso(ref.create_time)
    body["update_time"] = iso(ref.create_time)
    return body
