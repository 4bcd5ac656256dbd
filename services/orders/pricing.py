"""How many licenses an order may hold, and what it costs: decided here, on the server, never by the client."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")


class InvalidQuantity(ValueError):
    """``code`` is what the caller is told: required, not_whole_number, too_few or too_many."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_quantity(raw: Any, minimum: int, maximum: int) -> int:
    """A JSON integer from ``minimum`` to ``maximum``; no strings, floats or booleans (True is an int in Python)."""
    if raw is None:
        raise InvalidQuantity("required")
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InvalidQuantity("not_whole_number")
    if raw < minimum:
        raise InvalidQuantity("too_few")
    if raw > maximum:
        raise InvalidQuantity("too_many")
    return raw


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def order_total(quantity: int, unit_price: Decimal) -> Decimal:
    return money(unit_price * quantity)
