"""PayPal's answers read into plain values (an order, a capture), the same way from API replies and webhooks."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

APPROVE_RELS = ("payer-action", "approve")
APPROVABLE_STATUSES = ("CREATED", "PAYER_ACTION_REQUIRED", "APPROVED")


@dataclass(frozen=True)
class CaptureView:
    id: str
    status: str  # COMPLETED, PENDING, DECLINED, FAILED, REFUNDED, PARTIALLY_REFUNDED
    amount: Decimal | None
    currency: str | None
    custom_id: str | None
    invoice_id: str | None
    paypal_order_id: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class OrderView:
    id: str
    status: str
    approve_url: str | None = None
    captures: list[CaptureView] = field(default_factory=list)
    payer_id: str | None = None
    payer_email: str | None = None
    payer_name: str | None = None

    @property
    def approvable(self) -> bool:
        return self.status in APPROVABLE_STATUSES

    def latest_capture(self) -> CaptureView | None:
        return self.captures[-1] if self.captures else None


def _amount(money: Any) -> tuple[Decimal | None, str | None]:
    if not isinstance(money, dict):
        return None, None
    try:
        value = Decimal(str(money.get("value")))
    except (InvalidOperation, ValueError):
        value = None
    return value, money.get("currency_code")


def capture_from_json(data: dict[str, Any], *, paypal_order_id: str | None = None,
                      defaults: dict[str, Any] | None = None) -> CaptureView:
    """``defaults`` are the purchase unit's custom_id/invoice_id, used when the capture omits them."""
    defaults = defaults or {}
    value, currency = _amount(data.get("amount"))
    related = ((data.get("supplementary_data") or {}).get("related_ids") or {}).get("order_id")
    return CaptureView(
        id=str(data.get("id") or ""), status=str(data.get("status") or "").upper(), amount=value,
        currency=currency, custom_id=data.get("custom_id", defaults.get("custom_id")),
        invoice_id=data.get("invoice_id", defaults.get("invoice_id")),
        paypal_order_id=paypal_order_id or related,
        reason=(data.get("status_details") or {}).get("reason"),
    )


def order_from_json(data: dict[str, Any]) -> OrderView:
    order_id = str(data.get("id") or "")
    captures: list[CaptureView] = []
    for unit in data.get("purchase_units") or []:
        defaults = {"custom_id": unit.get("custom_id"), "invoice_id": unit.get("invoice_id")}
        for capture in (unit.get("payments") or {}).get("captures") or []:
            captures.append(capture_from_json(capture, paypal_order_id=order_id, defaults=defaults))
    links = {link.get("rel"): link.get("href") for link in data.get("links") or [] if isinstance(link, dict)}
    payer = data.get("payer") or {}
    name = payer.get("name") or {}
    full_name = " ".join(part for part in (name.get("given_name"), name.get("surname")) if part) or None
    return OrderView(
        id=order_id, status=str(data.get("status") or "").upper(),
        approve_url=next((links[rel] for rel in APPROVE_RELS if links.get(rel)), None),
        captures=captures, payer_id=payer.get("payer_id"), payer_email=payer.get("email_address"),
        payer_name=full_name,
    )
