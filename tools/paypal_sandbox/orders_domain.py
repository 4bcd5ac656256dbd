"""Order creation rules (validation as PayPal does it), lookup, and the 3-hour expiry on the sandbox clock."""
from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlparse

from .errors import ApiError
from .ids import resource_id
from .money import parse_money
from .state import Order

PU = "/purchase_units/@reference_id=='default'"
CONTEXT_KEYS = ("return_url", "cancel_url", "locale", "brand_name", "user_action", "landing_page",
                "shipping_preference")
OPEN = ("CREATED", "PAYER_ACTION_REQUIRED")


def _string(unit: dict, key: str, limit: int) -> None:
    value = unit.get(key)
    if value is None:
        return
    if not isinstance(value, str) or not 1 <= len(value) <= limit:
        raise ApiError(400, "INVALID_STRING_LENGTH", "The value of a field is either too short or too long.",
                       field=f"{PU}/{key}", value=str(value))


def _check_breakdown(amount: dict, unit: dict, value: Decimal, currency: str) -> None:
    bd = amount.get("breakdown")
    items = unit.get("items")
    if not bd:
        if items:
            raise ApiError(422, "ITEM_TOTAL_REQUIRED", "If item details are specified, "
                           "amount.breakdown.item_total is required.", field=f"{PU}/amount/breakdown/item_total")
        return
    parts = {}
    for key in ("item_total", "tax_total", "shipping", "handling", "insurance", "shipping_discount", "discount"):
        if bd.get(key) is not None:
            parts[key], cur = parse_money(bd[key], f"{PU}/amount/breakdown/{key}")
            if cur != currency:
                raise ApiError(422, "CURRENCY_MISMATCH", "Currency code should be the same for all amounts.",
                               field=f"{PU}/amount/breakdown/{key}/currency_code")
    total = sum((v for k, v in parts.items() if "discount" not in k), Decimal(0))
    total -= parts.get("shipping_discount", Decimal(0)) + parts.get("discount", Decimal(0))
    if total != value:
        raise ApiError(422, "AMOUNT_MISMATCH", "Should equal item_total + tax_total + shipping + handling + "
                       "insurance - shipping_discount - discount.", field=f"{PU}/amount/value")
    if items and "item_total" in parts:
        summed = Decimal(0)
        for item in items:
            price, _ = parse_money(item.get("unit_amount"), f"{PU}/items/unit_amount")
            summed += price * Decimal(str(item.get("quantity", "1")))
        if summed != parts["item_total"]:
            raise ApiError(422, "ITEM_TOTAL_MISMATCH", "Should equal sum of (unit_amount * quantity) across "
                           "all items for a given purchase_unit.", field=f"{PU}/amount/breakdown/item_total")


def _experience(body: dict) -> tuple[dict, str]:
    source = body.get("payment_source")
    legacy = body.get("application_context") or {}
    if source is not None:
        if not isinstance(source, dict):
            raise ApiError(400, "INVALID_PARAMETER_SYNTAX", field="/payment_source")
        other = sorted(set(source) - {"paypal"})
        if other:
            raise ApiError(422, "PAYMENT_SOURCE_NOT_SUPPORTED", "The sandbox supports payment_source.paypal "
                           "only.", field=f"/payment_source/{other[0]}")
        ctx = {**legacy, **((source.get("paypal") or {}).get("experience_context") or {})}
        style = "payer-action" if "paypal" in source else "approve"
    else:
        ctx, style = legacy, "approve"
    experience = {k: ctx.get(k) for k in CONTEXT_KEYS if ctx.get(k) is not None}
    for key in ("return_url", "cancel_url"):
        url = experience.get(key)
        if url is not None and (not isinstance(url, str) or urlparse(url).scheme not in ("http", "https")):
            raise ApiError(400, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the "
                           "expected format.", field=f"/payment_source/paypal/experience_context/{key}")
    return experience, style


def build_order(body: dict, now: float) -> Order:
    intent = body.get("intent")
    if not intent:
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field="/intent")
    if intent != "CAPTURE":
        raise ApiError(400, "INVALID_PARAMETER_VALUE", "The sandbox supports intent CAPTURE only.",
                       field="/intent", value=str(intent))
    units = body.get("purchase_units")
    if not units:
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field="/purchase_units")
    if not isinstance(units, list) or not all(isinstance(u, dict) for u in units):
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", field="/purchase_units")
    if len(units) > 1:
        raise ApiError(400, "INVALID_ARRAY_MAX_ITEMS", "The sandbox supports one purchase unit.",
                       field="/purchase_units")
    unit = dict(units[0])
    if unit.get("amount") is None:
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field=f"{PU}/amount")
    value, currency = parse_money(unit["amount"], f"{PU}/amount")
    _check_breakdown(unit["amount"], unit, value, currency)
    for key, limit in (("custom_id", 127), ("invoice_id", 127), ("reference_id", 256), ("description", 127)):
        _string(unit, key, limit)
    experience, style = _experience(body)
    status = "PAYER_ACTION_REQUIRED" if style == "payer-action" else "CREATED"
    return Order(id=resource_id(), intent=intent, unit=unit, experience=experience, link_style=style,
                 status=status, create_time=now, update_time=now)


def refresh_expiry(order: Order, now: float, ttl: float) -> None:
    if order.status in OPEN and now >= order.create_time + ttl:
        deadline = order.create_time + ttl
    elif order.status == "APPROVED" and order.approve_time is not None and now >= order.approve_time + ttl:
        deadline = order.approve_time + ttl
    else:
        return
    order.status, order.expire_time, order.update_time = "VOIDED", deadline, deadline


def find_order(sb, order_id: str) -> Order:
    """The order (expiry applied) or ApiError 404; call with the store lock held."""
    store, cfg = sb.store, sb.config
    order = store.orders.get(order_id)
    if order is not None:
        now = store.now()
        refresh_expiry(order, now, cfg.order_ttl)
        if order.expire_time is None or now < order.expire_time + cfg.order_purge:
            return order
    raise ApiError(404, "INVALID_RESOURCE_ID", field="order_id", value=order_id, location="path")
