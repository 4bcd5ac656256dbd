"""Buyer approval, shared by the buyer pages and the control API: PayPal account or guest card."""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .ids import payer_id as make_payer_id
from .representations import render_order
from .state import Order
from .webhooks import emit

APPROVABLE = ("CREATED", "PAYER_ACTION_REQUIRED", "APPROVED")
GOOD_TEST_CARDS = ("4111111111111111", "4012888888881881")
DECLINED_AT_CAPTURE = {"4000000000000002"}
# PayPal's card-testing rejection triggers, put in the name on the card: CCREJECT-<code>.
REJECT_TRIGGERS = {"REFUSED": "0500", "SF": "9500", "EC": "5400", "IRC": "5180", "IF": "5120", "LS": "9520",
                   "IA": "1330", "BANK_ERROR": "5100", "CVV_F": "00N7"}
_TRIGGER = re.compile(r"CCREJECT-(BANK_ERROR|CVV_F|REFUSED|IRC|SF|EC|IF|LS|IA)", re.I)


def add_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def luhn_ok(number: str) -> bool:
    if not number.isdigit() or not 12 <= len(number) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def brand(number: str) -> str:
    if number.startswith("4"):
        return "VISA"
    if number[:2] in ("34", "37"):
        return "AMEX"
    if 51 <= int(number[:2]) <= 55 or 2221 <= int(number[:4]) <= 2720:
        return "MASTERCARD"
    if number.startswith(("6011", "65")):
        return "DISCOVER"
    return "UNKNOWN"


def validate_card(form, today: dt.date | None = None) -> tuple[dict, dict]:
    """(card, errors): errors maps a field name to an i18n message key."""
    today = today or dt.date.today()
    number = re.sub(r"[\s-]", "", form.get("card_number", ""))
    name = (form.get("name") or "").strip()
    cvv = (form.get("cvv") or "").strip()
    errors = {}
    if not luhn_ok(number):
        errors["card_number"] = "err_number"
    m = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*", form.get("expiry", ""))
    year = month = 0
    if not m or not 1 <= int(m.group(1)) <= 12:
        errors["expiry"] = "err_expiry"
    else:
        month, year = int(m.group(1)), int(m.group(2))
        year += 2000 if year < 100 else 0
        if (year, month) < (today.year, today.month):
            errors["expiry"] = "err_expired"
    amex = number[:2] in ("34", "37")
    if not re.fullmatch(r"\d{4}" if amex else r"\d{3}", cvv):
        errors["cvv"] = "err_cvv"
    if not name:
        errors["name"] = "err_name"
    card = {"number": number, "name": name, "expiry": f"{year:04d}-{month:02d}",
            "email": (form.get("email") or "").strip() or None}
    return card, errors


def _approve(sb, order: Order, payer: dict, source: dict, funding: dict) -> str:
    now = sb.store.now()
    order.payer, order.payment_source, order.funding = payer, source, funding
    order.status, order.approve_time, order.update_time = "APPROVED", now, now
    emit(sb, "CHECKOUT.ORDER.APPROVED", render_order(sb, order, "full"))
    return payer["payer_id"]


def approve_with_paypal(sb, order: Order, email: str | None = None) -> str:
    email = email or sb.config.buyer_email
    pid = make_payer_id(email)
    name = {"given_name": "Sandbox", "surname": "Buyer"}
    payer = {"name": name, "email_address": email, "payer_id": pid, "address": {"country_code": "CA"}}
    source = {"paypal": {"email_address": email, "account_id": pid, "account_status": "VERIFIED",
                         "name": name, "address": {"country_code": "CA"}}}
    return _approve(sb, order, payer, source, {"kind": "paypal", "payer_id": pid})


def approve_with_card(sb, order: Order, card: dict) -> str:
    pid = make_payer_id()
    given, _, surname = card["name"].partition(" ")
    payer = {"name": {"given_name": given, "surname": surname or given}, "payer_id": pid,
             "email_address": card.get("email") or f"guest-{pid.lower()}@example.com",
             "address": {"country_code": "CA"}}
    card_brand = brand(card["number"])
    source = {"card": {"name": card["name"], "last_digits": card["number"][-4:], "expiry": card["expiry"],
                       "brand": card_brand, "available_networks": [card_brand], "type": "CREDIT"}}
    trigger = _TRIGGER.search(card["name"])
    funding = {"kind": "card", "payer_id": pid,
               "instrument_declined": card["number"] in DECLINED_AT_CAPTURE,
               "reject_code": REJECT_TRIGGERS[trigger.group(1).upper()] if trigger else None}
    return _approve(sb, order, payer, source, funding)


def return_url_for(order: Order, payer_id: str) -> str | None:
    url = order.experience.get("return_url")
    return add_query(url, token=order.id, PayerID=payer_id) if url else None


def cancel_url_for(order: Order) -> str | None:
    url = order.experience.get("cancel_url")
    return add_query(url, token=order.id) if url else None
