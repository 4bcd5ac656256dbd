"""A paid order's receipt, ready to show: every line worded and formatted in the reader's language.

The page and the PDF both print this, so a receipt reads the same in both.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from services.web.templating import day, money


@dataclass(frozen=True)
class Receipt:
    number: str
    date: str
    seller: str
    seller_contact: str
    billed_to: list[str]
    employer_account_number: str
    description: str
    quantity: int
    unit_price: str
    total: str
    currency: str
    payment: str
    status: str


def labelled(label: str, value: object) -> str:
    """"Status: Paid" / "Statut : Payée": languages put different space before the colon."""
    return _("%(label)s: %(value)s", label=label, value=value)


def build_receipt(data: dict) -> Receipt:
    """From the orders service's receipt JSON (docs/internal-api.md)."""
    order, billing = data["order"], data.get("billing") or {}
    currency = order["currency"]
    billed_to = [billing.get("legal_name"), billing.get("representative_name"), billing.get("mailing_address")]
    return Receipt(
        number=order["number"],
        date=day(data.get("paid_at") or order.get("paid_at")),
        seller=_("Workers' Safety and Compensation Commission (WSCC)"),
        seller_contact="MiningCertification@wsc.nt.ca",
        billed_to=[line for value in billed_to if value for line in str(value).splitlines() if line.strip()],
        employer_account_number=billing.get("employer_account_number") or "",
        description=_("Mine Supervisor Certification license"),
        quantity=order["quantity"],
        unit_price=money(order["unit_price"], currency),
        total=money(order["total"], currency),
        currency=currency,
        payment=_("Paid via PayPal, capture %(capture)s", capture=data.get("paypal_capture_id") or "—"),
        status=_("Paid"),
    )
