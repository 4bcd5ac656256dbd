"""Paying at PayPal (the local sandbox) and coming back: paid, declined, pending, cancelled, forged returns."""
import pytest
import requests

from tests.integration.web.support import text_of, wait_for


def set_scenario(sandbox_url: str, name: str, **params: object) -> None:
    """The scenario of the next order PayPal creates; one left unused by another test of the run is dropped first."""
    requests.post(f"{sandbox_url}/_sandbox/scenario", json={"scenario": "normal"}, timeout=5).raise_for_status()
    response = requests.post(f"{sandbox_url}/_sandbox/scenario", json={"scenario": name, "times": 1} | params,
                             timeout=5)
    assert response.status_code == 200, response.text


def test_paid_the_dashboard_says_so_and_the_codes_follow_within_seconds(visitor, company, sandbox_url):
    order_id = visitor.place_order(6)
    back = visitor.pay(order_id, sandbox_url)
    assert back.status_code == 303 and back.headers["Location"] == "/dashboard"
    dashboard = visitor.get("/dashboard")
    assert "Thank you: your payment was received." in text_of(dashboard)
    assert wait_for(lambda: visitor.progress()["counts"]["bought"] == 6, timeout=10)
    state = visitor.progress()
    assert state["issuing"] is False and state["orders"][order_id] == {"issued": 6, "quantity": 6}
    page = visitor.get("/dashboard")
    assert "Paid" in text_of(page) and f"/orders/{order_id}/receipt" in page.get_data(as_text=True)
    assert 'http-equiv="refresh"' not in page.get_data(as_text=True)


def test_while_codes_are_issued_the_dashboard_refreshes_itself(visitor, company, sandbox_url, services, processes):
    processes.stop("licenses-worker")  # nobody issues codes for a moment
    try:
        order_id = visitor.place_order(5)
        visitor.pay(order_id, sandbox_url)
        html = visitor.get("/dashboard").get_data(as_text=True)
        assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
        assert 'id="issuing-notice"' in html and 'data-progress-url="/dashboard/progress.json"' in html
        state = visitor.progress()
        assert state["issuing"] is True and state["counts"]["bought"] == 5 and state["counts"]["available"] == 0
    finally:
        processes.ensure("licenses-worker")
    assert wait_for(lambda: not visitor.progress()["issuing"], timeout=20)
    assert 'http-equiv="refresh"' not in visitor.get("/dashboard").get_data(as_text=True)


def test_a_declined_payment_says_so_and_offers_paypal_again(visitor, company, sandbox_url):
    order_id = visitor.place_order(5)
    set_scenario(sandbox_url, "capture_declined")
    back = visitor.pay(order_id, sandbox_url)
    assert back.headers["Location"] == f"/orders/{order_id}"
    page = text_of(visitor.get(f"/orders/{order_id}"))
    assert "PayPal declined the payment. Nothing was charged." in page
    assert "CLICK HERE TO GO TO PAYPAL" in page


def test_a_pending_payment_says_codes_come_when_paypal_completes(visitor, company, sandbox_url):
    order_id = visitor.place_order(5)
    set_scenario(sandbox_url, "pending")
    back = visitor.pay(order_id, sandbox_url)
    assert back.headers["Location"] == f"/orders/{order_id}"
    page = text_of(visitor.get(f"/orders/{order_id}"))
    assert "Payment pending — your codes will be issued when PayPal completes the payment." in page
    assert "CLICK HERE TO GO TO PAYPAL" not in page


def test_a_return_naming_another_paypal_order_changes_nothing(visitor, company):
    order_id = visitor.place_order(5)
    visitor.submit(f"/orders/{order_id}/checkout", form_page=f"/orders/{order_id}")
    back = visitor.get(f"/orders/{order_id}/paypal/return?token=FORGED123&PayerID=X")
    assert back.headers["Location"] == f"/orders/{order_id}"
    page = text_of(visitor.get(f"/orders/{order_id}"))
    assert "This PayPal payment does not belong to this order. Nothing was changed." in page
    assert "Awaiting payment" in page


def test_cancelling_at_paypal_charges_nothing_and_the_order_can_be_paid_later(visitor, company, sandbox_url):
    order_id = visitor.place_order(5)
    checkout = visitor.submit(f"/orders/{order_id}/checkout", form_page=f"/orders/{order_id}")
    token = checkout.headers["Location"].split("token=")[1].split("&")[0]
    back = visitor.get(f"/orders/{order_id}/paypal/cancel?token={token}")
    assert back.headers["Location"] == f"/orders/{order_id}"
    page = text_of(visitor.get(f"/orders/{order_id}"))
    assert "nothing was charged" in page and "CLICK HERE TO GO TO PAYPAL" in page and "Drop this order" in page
    assert visitor.pay(order_id, sandbox_url).headers["Location"] == "/dashboard"


def test_the_paypal_button_goes_to_paypal_with_the_buyers_language(visitor, company, sandbox_url):
    visitor.get("/language/fr")
    order_id = visitor.place_order(5)
    checkout = visitor.submit(f"/orders/{order_id}/checkout", form_page=f"/orders/{order_id}")
    assert checkout.status_code == 303 and checkout.headers["Location"].startswith(sandbox_url)
    paypal_order_id = checkout.headers["Location"].split("token=")[1].split("&")[0]
    details = requests.get(f"{sandbox_url}/_sandbox/orders/{paypal_order_id}", timeout=5).json()
    assert details["experience"]["locale"] == "fr-CA"
    assert details["experience"]["return_url"].endswith(f"/orders/{order_id}/paypal/return")


@pytest.fixture
def no_webhooks(sandbox_url: str):
    """PayPal's approval webhook would start a capture of its own that settles the order at a moment of its
    choosing; without it, only the buyer's own pages move the order on, and the test sees each one."""
    before = requests.get(f"{sandbox_url}/_sandbox/config", timeout=5).json()["webhook_url"]
    requests.post(f"{sandbox_url}/_sandbox/config", json={"webhook_url": "http://127.0.0.1:9/nowhere"}, timeout=5)
    yield
    requests.post(f"{sandbox_url}/_sandbox/config", json={"webhook_url": before}, timeout=5)


def test_a_capture_paypal_answers_slowly_ends_on_the_paid_order(visitor, company, sandbox_url, app, no_webhooks):
    """PayPal answers a second after the front door's general limit (10 s), well within the orders service's wait
    for PayPal (20 s, room for a loaded machine). The front door waits for orders, so the buyer learns the payment
    went through."""
    settings = app.config["WSCC_SETTINGS"]
    delay = settings.api_timeout_seconds + 1
    assert delay < settings.paypal_timeout_seconds - 5
    order_id = visitor.place_order(5)
    set_scenario(sandbox_url, "timeout", delay_seconds=delay)
    back = visitor.pay(order_id, sandbox_url)
    assert back.status_code == 303
    if back.headers["Location"].startswith(f"/orders/{order_id}/paypal/confirming"):
        # Seen under a loaded run: the orders service's call to PayPal failed at once (not a timeout) and it said
        # "unavailable". The buyer is then told the payment is being confirmed, and "Check again" settles it.
        token = back.headers["Location"].split("token=")[1]
        back = visitor.submit(f"/orders/{order_id}/paypal/confirming", {"token": token},
                              form_page=back.headers["Location"])
    assert back.status_code == 303 and back.headers["Location"] == "/dashboard"
    assert "Thank you: your payment was received." in text_of(visitor.get("/dashboard"))


def test_a_capture_whose_answer_never_came_says_the_payment_is_being_confirmed_and_follows_it(
        visitor, company, sandbox_url, app, no_webhooks):
    """PayPal takes the payment but answers after the orders service stopped waiting (20 s): nobody knows yet."""
    order_id = visitor.place_order(5)
    set_scenario(sandbox_url, "timeout", delay_seconds=app.config["WSCC_SETTINGS"].paypal_timeout_seconds + 2)
    back = visitor.pay(order_id, sandbox_url)
    assert back.status_code == 303 and back.headers["Location"].startswith(f"/orders/{order_id}/paypal/confirming")
    page = visitor.get(back.headers["Location"])
    html, shown = page.get_data(as_text=True), text_of(page)
    assert page.status_code == 200 and "Your payment is being confirmed" in shown and "Do not pay again" in shown
    assert "Nothing was changed" not in shown and "nothing was charged" not in shown.lower()
    assert "Check again" in shown and 'http-equiv="refresh"' not in html
    assert f'data-status-url="/orders/{order_id}/paypal/confirming.json"' in html
    assert visitor.get(f"/orders/{order_id}/paypal/confirming.json").get_json() == {"status": "awaiting_payment"}
    token = back.headers["Location"].split("token=")[1]
    again = visitor.submit(f"/orders/{order_id}/paypal/confirming", {"token": token}, form_page=back.headers["Location"])
    assert again.status_code == 303 and again.headers["Location"] == "/dashboard"
    assert "Thank you: your payment was received." in text_of(visitor.get("/dashboard"))
    assert visitor.get(back.headers["Location"]).headers["Location"] == "/dashboard"  # the page ends on the paid order
    assert wait_for(lambda: visitor.progress()["orders"][order_id]["issued"] == 5, timeout=15)
