"""A company buys licenses and pays at the PayPal sandbox, through the orders API, over HTTP."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from services.orders.paypal.gateway import PayPalGateway
from tests.integration.orders.support import paid_events_in_outbox, stored_order, wait_for


def test_an_order_paid_at_paypal_is_captured_once_and_order_paid_is_published(api, sandbox, front_door,
                                                                              paid_events, db):
    order = api.place(7)
    assert (order["status"], order["total"], order["unit_price"], order["currency"]) == (
        "awaiting_payment", "350.00", "50.00", "CAD")
    checkout = api.checkout(order["id"]).json()
    paypal_order_id = checkout["paypal_order_id"]
    assert parse_qs(urlsplit(checkout["approve_url"]).query)["token"] == [paypal_order_id]
    assert api.call("GET", f"/internal/orders/{order['id']}/receipt").json()["error"]["code"] == "not_paid"

    sandbox.approve(paypal_order_id, payer="card")
    paid = api.capture(order["id"], paypal_order_id)

    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "paid" and paid.json()["paid_at"]
    [event] = paid_events.for_order(order["id"])
    assert event["data"] | {"paid_at": None} == {
        "order_id": order["id"], "order_number": order["number"], "company_id": str(api.company_id),
        "quantity": 7, "unit_price": "50.00", "total": "350.00", "currency": "CAD",
        "paypal_order_id": paypal_order_id, "paypal_capture_id": sandbox.captures_of(paypal_order_id)[0]["id"],
        "paid_at": None}
    assert paid_events_in_outbox(db, order["id"]) == 1
    receipt = api.call("GET", f"/internal/orders/{order['id']}/receipt").json()
    assert receipt["paypal_capture_id"] == event["data"]["paypal_capture_id"]
    assert receipt["billing"]["legal_name"] == "Tundra Gold Mines Ltd." and receipt["payer_email"]
    assert [o["id"] for o in api.call("GET", "/internal/orders").json()["items"]] == [order["id"]]


def test_the_create_order_sent_to_paypal_carries_our_references_and_the_buyer_experience(checked_out, sandbox):
    order, paypal_order_id = checked_out
    [create] = sandbox.control("GET", "/requests?method=POST&path_contains=/v2/checkout/orders")[-1:]
    assert create["headers"]["PayPal-Request-Id"]
    unit = sandbox.order(paypal_order_id)["purchase_units"][0]
    assert (unit["custom_id"], unit["invoice_id"], unit["amount"]) == (
        order["id"], order["number"], {"currency_code": "CAD", "value": "350.00"})
    experience = sandbox.control("GET", f"/orders/{paypal_order_id}")["experience"]
    assert experience | {"return_url": "", "cancel_url": "", "brand_name": ""} == {
        "return_url": "", "cancel_url": "", "brand_name": "", "locale": "fr-CA", "user_action": "PAY_NOW",
        "landing_page": "NO_PREFERENCE", "shipping_preference": "NO_SHIPPING"}


def test_a_declined_card_leaves_the_order_payable_and_paying_again_succeeds(api, sandbox, checked_out,
                                                                            paid_events):
    order, paypal_order_id = checked_out
    sandbox.scenario(paypal_order_id, "decline", times=1)
    sandbox.approve(paypal_order_id)

    declined = api.capture(order["id"], paypal_order_id)
    assert (declined.status_code, declined.json()["error"]["code"]) == (422, "payment_declined")
    assert api.show(order["id"])["payment_error"] == "declined"
    assert api.checkout(order["id"]).json()["paypal_order_id"] == paypal_order_id  # the same PayPal order
    sandbox.approve(paypal_order_id, payer="card")
    paid = api.capture(order["id"], paypal_order_id)

    assert (paid.status_code, paid.json()["status"], paid.json()["payment_error"]) == (200, "paid", None)
    request_ids = [call["headers"]["PayPal-Request-Id"] for call in sandbox.capture_calls(paypal_order_id)]
    assert len(request_ids) == 2 and len(set(request_ids)) == 2
    assert len(paid_events.for_order(order["id"])) == 1


def test_a_pending_capture_becomes_paid_once_when_paypal_completes_it(api, sandbox, checked_out, paid_events, db):
    order, paypal_order_id = checked_out
    sandbox.scenario(paypal_order_id, "pending")
    sandbox.approve(paypal_order_id)

    pending = api.capture(order["id"], paypal_order_id)
    assert (pending.status_code, pending.json()["status"]) == (200, "payment_pending")
    assert paid_events_in_outbox(db, order["id"]) == 0
    [capture] = sandbox.captures_of(paypal_order_id)
    sandbox.control("POST", f"/captures/{capture['id']}/complete")

    assert wait_for(lambda: api.show(order["id"])["status"] == "paid")
    [completed] = sandbox.webhooks(paypal_order_id, "PAYMENT.CAPTURE.COMPLETED")
    sandbox.replay(completed["id"])
    assert wait_for(lambda: len(sandbox.webhook(completed["id"])["attempts"]) == 2)
    assert api.capture(order["id"], paypal_order_id).json()["status"] == "paid"  # the browser comes back late
    assert len(paid_events.for_order(order["id"])) == 1
    assert paid_events_in_outbox(db, order["id"]) == 1
    assert len(sandbox.capture_calls(paypal_order_id)) == 1


def test_a_capture_denied_after_pending_leaves_the_order_payable(api, sandbox, checked_out):
    order, paypal_order_id = checked_out
    sandbox.scenario(paypal_order_id, "pending")
    sandbox.approve(paypal_order_id)
    assert api.capture(order["id"], paypal_order_id).json()["status"] == "payment_pending"
    [capture] = sandbox.captures_of(paypal_order_id)
    sandbox.control("POST", f"/captures/{capture['id']}/deny")

    assert wait_for(lambda: api.show(order["id"])["status"] == "awaiting_payment")
    assert api.show(order["id"])["payment_error"] == "declined"
    new_checkout = api.checkout(order["id"]).json()  # PayPal's order is completed: a new one is made
    assert new_checkout["paypal_order_id"] != paypal_order_id


def test_a_buyer_who_cancels_at_paypal_can_still_pay(api, checked_out):
    order, paypal_order_id = checked_out
    cancelled = api.call("POST", f"/internal/orders/{order['id']}/payment-cancelled",
                         {"paypal_order_id": paypal_order_id})
    assert (cancelled.status_code, cancelled.json()["status"], cancelled.json()["payment_error"]) == (
        200, "awaiting_payment", "cancelled")
    assert api.checkout(order["id"]).json()["paypal_order_id"] == paypal_order_id
    assert api.show(order["id"])["payment_error"] is None


def test_a_dropped_order_cannot_be_paid_and_a_paid_one_cannot_be_dropped(api, sandbox, checked_out):
    order, paypal_order_id = checked_out
    dropped = api.call("POST", f"/internal/orders/{order['id']}/drop")
    assert (dropped.status_code, dropped.json()["status"]) == (200, "dropped")
    assert api.call("POST", f"/internal/orders/{order['id']}/drop").status_code == 200
    assert api.checkout(order["id"]).json()["error"]["code"] == "not_payable"
    sandbox.approve(paypal_order_id)
    assert api.capture(order["id"], paypal_order_id).json()["error"]["code"] == "not_payable"
    assert sandbox.capture_calls(paypal_order_id) == []

    other = api.place(5)
    other_paypal_id = api.checkout(other["id"]).json()["paypal_order_id"]
    sandbox.approve(other_paypal_id)
    assert api.capture(other["id"], other_paypal_id).json()["status"] == "paid"
    refused = api.call("POST", f"/internal/orders/{other['id']}/drop")
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "not_droppable")


@pytest.mark.parametrize(("scenario", "reason"), [("amount_mismatch", "amount"),
                                                  ("currency_mismatch", "currency")])
def test_a_capture_that_differs_from_what_was_asked_is_held_without_any_event(api, sandbox, checked_out,
                                                                              scenario, reason, db):
    order, paypal_order_id = checked_out
    sandbox.scenario(paypal_order_id, scenario)
    sandbox.approve(paypal_order_id)

    held = api.capture(order["id"], paypal_order_id)

    assert (held.status_code, held.json()["status"]) == (200, "held")
    assert paid_events_in_outbox(db, order["id"]) == 0
    assert api.call("GET", f"/internal/orders/{order['id']}/receipt").status_code == 409
    listing = api.as_role("admin").call("GET", "/internal/admin/orders?status=held").json()["items"]
    [mine] = [item for item in listing if item["id"] == order["id"]]
    assert mine["company_id"] == str(api.company_id) and reason in mine["hold_reason"]


def test_a_capture_that_times_out_is_retried_with_the_same_request_id_and_paypal_replays_it(
        api, sandbox, front_door, checked_out, paid_events, db):
    order, paypal_order_id = checked_out
    front_door.dropped.add("PAYMENT.CAPTURE.COMPLETED")  # else that webhook settles the order first
    sandbox.scenario(paypal_order_id, "timeout")
    sandbox.approve(paypal_order_id)

    timed_out = api.capture(order["id"], paypal_order_id)
    assert (timed_out.status_code, timed_out.json()["error"]["code"]) == (503, "paypal_unavailable")
    assert api.show(order["id"])["status"] == "awaiting_payment"
    retried = api.capture(order["id"], paypal_order_id)

    assert retried.json()["status"] == "paid"
    calls = wait_for(lambda: [c for c in sandbox.capture_calls(paypal_order_id) if c["status"]], timeout=10)
    assert len({call["headers"]["PayPal-Request-Id"] for call in calls}) == 1
    assert len(sandbox.captures_of(paypal_order_id)) == 1
    assert len(paid_events.for_order(order["id"])) == 1
    assert stored_order(db, order["id"]).paypal_capture_id == sandbox.captures_of(paypal_order_id)[0]["id"]


def test_an_order_already_captured_at_paypal_is_settled_from_paypals_record(api, sandbox, front_door,
                                                                           checked_out, paid_events, db, settings):
    order, paypal_order_id = checked_out
    front_door.dropped.add("PAYMENT.CAPTURE.COMPLETED")
    sandbox.approve(paypal_order_id)
    # Captured by someone else's request (an answer we lost, under an id we no longer know).
    PayPalGateway.from_settings(settings).capture_order(paypal_order_id, "lost-elsewhere")

    paid = api.capture(order["id"], paypal_order_id)

    assert (paid.status_code, paid.json()["status"]) == (200, "paid")
    assert [call["status"] for call in sandbox.capture_calls(paypal_order_id)] == [201, 422]
    assert stored_order(db, order["id"]).paypal_capture_id == sandbox.captures_of(paypal_order_id)[0]["id"]
    assert len(paid_events.for_order(order["id"])) == 1
