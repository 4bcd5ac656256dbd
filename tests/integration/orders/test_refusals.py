"""What the orders API refuses: bad quantities, forged returns, other companies' orders."""
from __future__ import annotations

import uuid

import pytest

from tests.integration.orders.support import stored_order


@pytest.mark.parametrize(("quantity", "code"), [(4, "too_few"), (101, "too_many"), (7.5, "not_whole_number"),
                                                ("7", "not_whole_number"), (True, "not_whole_number"),
                                                (None, "required")])
def test_a_quantity_outside_5_to_100_whole_is_refused(api, quantity, code):
    response = api.call("POST", "/internal/orders", {"quantity": quantity})
    assert (response.status_code, response.json()["error"]) == (
        422, {"code": "invalid_quantity", "fields": {"quantity": code}})
    assert api.call("GET", "/internal/orders").json()["items"] == []


def test_the_price_comes_from_the_server_whatever_the_client_sends(api):
    response = api.call("POST", "/internal/orders", {"quantity": 5, "unit_price": "0.01", "total": "0.05"})
    assert (response.json()["unit_price"], response.json()["total"]) == ("50.00", "250.00")


def test_a_return_naming_another_paypal_order_is_refused_and_changes_nothing(api, sandbox, checked_out, db):
    order, paypal_order_id = checked_out
    sandbox.approve(paypal_order_id)
    for token in ("FORGED0000000000", None, ""):
        forged = api.capture(order["id"], token)
        assert (forged.status_code, forged.json()["error"]["code"]) == (400, "token_mismatch")
    cancelled = api.call("POST", f"/internal/orders/{order['id']}/payment-cancelled",
                         {"paypal_order_id": "FORGED0000000000"})
    assert cancelled.status_code == 400
    assert sandbox.capture_calls(paypal_order_id) == []
    stored = stored_order(db, order["id"])
    assert (stored.status, stored.payment_error) == ("awaiting_payment", None)


def test_another_companys_order_answers_404_on_every_route(api, checked_out, db):
    order, paypal_order_id = checked_out
    stranger = api.as_another_company()
    routes = [("GET", ""), ("POST", "/checkout"), ("POST", "/capture"), ("POST", "/payment-cancelled"),
              ("POST", "/drop"), ("GET", "/receipt")]
    body = {"paypal_order_id": paypal_order_id, "return_url": "http://a/r", "cancel_url": "http://a/c"}
    for method, suffix in routes:
        for order_id in (order["id"], str(uuid.uuid4())):
            response = stranger.call(method, f"/internal/orders/{order_id}{suffix}", body)
            assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found"), suffix
    assert stranger.call("GET", "/internal/orders").json()["items"] == []
    assert stored_order(db, order["id"]).status == "awaiting_payment"


def test_roles_other_than_company_cannot_use_company_routes_nor_the_webhook(api):
    assert api.as_role("employee").call("GET", "/internal/orders").status_code == 403
    assert api.call("POST", "/internal/paypal/webhooks", {}).status_code == 403
    assert api.call("GET", "/internal/admin/orders").status_code == 403
    assert api.as_role("admin").call("GET", "/internal/admin/orders?status=bogus").status_code == 400
