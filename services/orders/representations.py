"""The JSON the front door receives for an order, a receipt and the administrators' list (docs/internal-api.md)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from services.orders.models import Order


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def order_json(order: Order) -> dict[str, Any]:
    return {
        "id": str(order.id),
        "number": order.number,
        "quantity": order.quantity,
        "unit_price": f"{order.unit_price:.2f}",
        "total": f"{order.total:.2f}",
        "currency": order.currency,
        "status": order.status,
        "created_at": _instant(order.created_at),
        "paid_at": _instant(order.paid_at),
        "payment_error": order.payment_error,
        "billing": order.billing or {},
    }


def admin_order_json(order: Order) -> dict[str, Any]:
    return order_json(order) | {
        "company_id": str(order.company_id),
        "hold_reason": order.hold_reason,
        "paypal_order_id": order.paypal_order_id,
        "paypal_capture_id": order.paypal_capture_id,
        "updated_at": _instant(order.updated_at),
    }


def receipt_json(order: Order) -> dict[str, Any]:
    return {
        "order": order_json(order),
        "billing": order.billing or {},
        "paypal_order_id": order.paypal_order_id,
        "paypal_capture_id": order.paypal_capture_id,
        "paid_at": _instant(order.paid_at),
        "payer_email": order.payer_email,
        "payer_name": order.payer_name,
    }


def terms_json(settings: Any) -> dict[str, Any]:
    """What a purchase costs and how many licenses one may hold: the orders service's rule, shown by the front door."""
    return {"license_price": f"{settings.license_price:.2f}", "currency": settings.currency,
            "min_quantity": settings.min_quantity, "max_quantity": settings.max_quantity}
