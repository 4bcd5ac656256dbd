"""Does what PayPal captured equal what we asked? Codes are issued only if every answer here is yes."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from services.orders.paypal.answers import CaptureView


@dataclass(frozen=True)
class Expected:
    total: Decimal
    currency: str
    custom_id: str  # our order id
    invoice_id: str  # our order number


def mismatch(expected: Expected, capture: CaptureView) -> str | None:
    """Why this capture is not the payment we asked for, or None when it is exactly that."""
    problems = []
    if capture.amount is None or capture.amount != expected.total:
        problems.append(f"amount {capture.amount} instead of {expected.total}")
    if capture.currency != expected.currency:
        problems.append(f"currency {capture.currency} instead of {expected.currency}")
    if capture.custom_id != expected.custom_id:
        problems.append(f"custom_id {capture.custom_id} instead of {expected.custom_id}")
    if capture.invoice_id != expected.invoice_id:
        problems.append(f"invoice_id {capture.invoice_id} instead of {expected.invoice_id}")
    return "; ".join(problems) or None
