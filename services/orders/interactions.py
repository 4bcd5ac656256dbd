"""The support log: each PayPal call and webhook that touched an order, written with the order's own change."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from common.clock import utcnow
from services.orders.models import PayPalInteraction


def log_interaction(session: Session, kind: str, outcome: str, *, order_id: uuid.UUID | None = None,
                    paypal_order_id: str | None = None, request_id: str | None = None,
                    details: dict[str, Any] | None = None) -> None:
    session.add(PayPalInteraction(order_id=order_id, kind=kind, paypal_order_id=paypal_order_id,
                                  paypal_request_id=request_id, outcome=outcome[:60], details=details,
                                  at=utcnow()))
