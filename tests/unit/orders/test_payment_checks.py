import uuid
from dataclasses import replace
from decimal import Decimal

import pytest

from services.orders.payment_checks import Expected, mismatch
from services.orders.paypal.answers import CaptureView, capture_from_json, order_from_json

ORDER_ID = str(uuid.uuid4())
EXPECTED = Expected(total=Decimal("350.00"), currency="CAD", custom_id=ORDER_ID, invoice_id="WSCC-3F2A9C1B")
CAPTURE = CaptureView(id="3C679366HH908993F", status="COMPLETED", amount=Decimal("350.00"), currency="CAD",
                      custom_id=ORDER_ID, invoice_id="WSCC-3F2A9C1B", paypal_order_id="5O190127TN364715T")


def test_a_capture_of_exactly_what_was_asked_matches():
    assert mismatch(EXPECTED, CAPTURE) is None


@pytest.mark.parametrize(("change", "words"), [
    ({"amount": Decimal("349.00")}, "amount"), ({"amount": None}, "amount"),
    ({"amount": Decimal("350.01")}, "amount"), ({"currency": "USD"}, "currency"),
    ({"custom_id": str(uuid.uuid4())}, "custom_id"), ({"custom_id": None}, "custom_id"),
    ({"invoice_id": "WSCC-00000000"}, "invoice_id"),
])
def test_any_difference_in_amount_currency_or_references_is_named(change, words):
    assert words in mismatch(EXPECTED, replace(CAPTURE, **change))


def test_an_amount_written_with_other_trailing_zeros_is_the_same_amount():
    assert mismatch(EXPECTED, replace(CAPTURE, amount=Decimal("350.0"))) is None


def test_captures_inherit_the_purchase_units_references_when_paypal_leaves_them_out():
    order = order_from_json({
        "id": "5O190127TN364715T", "status": "COMPLETED",
        "payer": {"payer_id": "QJUL8ARAJ5X86", "email_address": "buyer@example.com",
                  "name": {"given_name": "Ann", "surname": "Buyer"}},
        "purchase_units": [{"custom_id": ORDER_ID, "invoice_id": "WSCC-3F2A9C1B", "payments": {"captures": [
            {"id": "3C679366HH908993F", "status": "COMPLETED", "amount": {"currency_code": "CAD", "value": "350.00"}},
        ]}}],
        "links": [{"rel": "self", "href": "https://api/x"}],
    })
    assert order.latest_capture() == CAPTURE
    assert (order.payer_email, order.payer_name, order.approve_url) == ("buyer@example.com", "Ann Buyer", None)


def test_a_webhook_capture_names_its_paypal_order_through_related_ids():
    capture = capture_from_json({"id": "C1", "status": "PENDING", "status_details": {"reason": "PENDING_REVIEW"},
                                 "amount": {"currency_code": "CAD", "value": "250.00"},
                                 "supplementary_data": {"related_ids": {"order_id": "P1"}}})
    assert (capture.paypal_order_id, capture.reason, capture.amount) == ("P1", "PENDING_REVIEW", Decimal("250.00"))


@pytest.mark.parametrize("rel", ["payer-action", "approve"])
def test_the_buyer_is_sent_to_either_kind_of_approval_link(rel):
    order = order_from_json({"id": "P1", "status": "CREATED", "links": [{"rel": rel, "href": "https://pp/a"}]})
    assert order.approve_url == "https://pp/a" and order.approvable
