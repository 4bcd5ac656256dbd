"""Amounts: validation as PayPal does it, and the arithmetic the sandbox needs."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from .errors import ApiError

SUPPORTED = {"AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN",
             "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD"}
NO_DECIMALS = {"HUF", "JPY", "TWD"}
_VALUE = re.compile(r"^\d{1,10}(\.\d+)?$")
_CODE = re.compile(r"^[A-Z]{3}$")


def decimals(currency: str) -> int:
    return 0 if currency in NO_DECIMALS else 2


def fmt(value: Decimal, currency: str) -> str:
    q = Decimal(1).scaleb(-decimals(currency))
    return str(value.quantize(q, rounding=ROUND_HALF_UP))


def money(value: Decimal, currency: str) -> dict:
    return {"currency_code": currency, "value": fmt(value, currency)}


def parse_money(amount, field: str) -> tuple[Decimal, str]:
    """Validate a PayPal money object; return (value, currency) or raise ApiError."""
    if not isinstance(amount, dict):
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field=field)
    currency, value = amount.get("currency_code"), amount.get("value")
    if currency in (None, ""):
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field=f"{field}/currency_code")
    if value in (None, ""):
        raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field=f"{field}/value")
    if not isinstance(currency, str) or not _CODE.match(currency):
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected "
                       "format.", field=f"{field}/currency_code", value=str(currency))
    if currency not in SUPPORTED:
        raise ApiError(422, "INVALID_CURRENCY_CODE", field=f"{field}/currency_code", value=currency)
    if not isinstance(value, str) or not _VALUE.match(value):
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected "
                       "format.", field=f"{field}/value", value=str(value))
    places = len(value.split(".", 1)[1]) if "." in value else 0
    if currency in NO_DECIMALS and places:
        raise ApiError(422, "DECIMALS_NOT_SUPPORTED", field=f"{field}/value", value=value)
    if currency not in NO_DECIMALS and places != 2:
        raise ApiError(422, "DECIMAL_PRECISION", field=f"{field}/value", value=value)
    parsed = Decimal(value)
    if parsed <= 0:
        raise ApiError(422, "CANNOT_BE_ZERO_OR_NEGATIVE", field=f"{field}/value", value=value)
    return parsed, currency


def fee(gross: Decimal, currency: str) -> Decimal:
    """A plausible PayPal fee: 2.9 % + 0.30 (or 30 units for currencies without decimals)."""
    fixed = Decimal("30") if currency in NO_DECIMALS else Decimal("0.30")
    q = Decimal(1).scaleb(-decimals(currency))
    return min(gross, (gross * Decimal("0.029") + fixed).quantize(q, rounding=ROUND_HALF_UP))


def breakdown(gross: Decimal, currency: str) -> dict:
    f = fee(gross, currency)
    return {"gross_amount": money(gross, currency), "paypal_fee": money(f, currency),
            "net_amount": money(gross - f, currency)}
