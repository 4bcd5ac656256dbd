"""The price and quantity bounds the pages state, as the orders service (which owns and enforces them) says them."""
from __future__ import annotations

from flask import g

from services.web.clients import SYSTEM_ACTOR, OrdersApi


def purchase_terms() -> dict:
    """{"license_price", "currency", "min_quantity", "max_quantity"}, asked once per request."""
    if "purchase_terms" not in g:
        g.purchase_terms = OrdersApi(SYSTEM_ACTOR).terms()
    return g.purchase_terms
