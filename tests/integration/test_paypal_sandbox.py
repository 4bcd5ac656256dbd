"""The local PayPal sandbox (tools/paypal_sandbox), driven by the real paypal-server-sdk, a form-following
browser for the buyer pages, and a webhook receiver that checks signatures on its own with `cryptography`."""
from __future__ import annotations

import base64
import binascii
import threading
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from apimatic_core.exceptions.auth_validation_exception import AuthValidationException
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from paypalserversdk.exceptions.error_exception import ErrorException
from paypalserversdk.models.amount_with_breakdown import AmountWithBreakdown
from paypalserversdk.models.money import Money
from paypalserversdk.models.order_request import OrderRequest
from paypalserversdk.models.payment_source import PaymentSource
from paypalserversdk.models.paypal_wallet import PaypalWallet
from paypalserversdk.models.paypal_wallet_experience_context import PaypalWalletExperienceContext
from paypalserversdk.models.purchase_unit_request import PurchaseUnitRequest
from paypalserversdk.models.refund_request import RefundRequest

from tests.waiting import wait_for
from tools.paypal_sandbox import SandboxConfig
from tools.paypal_sandbox.testing import BuyerBrowser, RunningSandbox, WebhookReceiver, sdk_client

RETURN_URL = "http://portal.test/pay/return"
CANCEL_URL = "http://portal.test/pay/cancel?purchase=42"
WEBHOOK_ID = "WH-LOCAL-SANDBOX"


# --- fixtures ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def receiver():
    r = WebhookReceiver()
    yield r
    r.stop()


@pytest.fixture(scope="module")
def sandbox(receiver):
    config = SandboxConfig(webhook_url=receiver.url, webhook_id=WEBHOOK_ID, webhook_retry_delays=(0.1, 0.2),
                           webhook_max_attempts=4, webhook_timeout=2.0, timeout_delay=1.5)
    running = RunningSandbox(config)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def client(sandbox):
    return sdk_client(sandbox.base_url)


@pytest.fixture(autouse=True)
def clean(sandbox, receiver):
    sandbox.control("POST", "reset")
    receiver.clear()
    yield


# --- helpers -------------------------------------------------------------------------------------------

def new_order(client, value="250.00", currency="CAD", locale="en-CA", custom_id=None, invoice_id=None, **opts):
    body = OrderRequest(
        intent="CAPTURE",
        purchase_units=[PurchaseUnitRequest(amount=AmountWithBreakdown(currency_code=currency, value=value),
                                            custom_id=custom_id or f"purchase-{uuid.uuid4().hex[:8]}",
                                            invoice_id=invoice_id or f"INV-{uuid.uuid4().hex[:10]}")],
        payment_source=PaymentSource(paypal=PaypalWallet(experience_context=PaypalWalletExperienceContext(
            brand_name="WSCC Licenses", locale=locale, shipping_preference="NO_SHIPPING", user_action="PAY_NOW",
            return_url=RETURN_URL, cancel_url=CANCEL_URL))))
    return client.orders.create_order({"body": body, "prefer": "return=representation", **opts})


def approve_link(order) -> str:
    return next(link.href for link in order.links if link.rel in ("payer-action", "approve"))


def pay_by_card(sandbox, order, number="4111111111111111", name="Jane Doe") -> str:
    """The buyer pays as a guest with a card and answers "Not now"; returns where PayPal sent the browser."""
    browser = BuyerBrowser(sandbox.base_url)
    page = browser.open(approve_link(order))
    page = browser.press(page, "Pay with Debit or Credit Card")
    page = browser.press(page, "Pay now", card_number=number, expiry="12/30", cvv="123", name=name)
    assert "Create a PayPal account?" in page.text
    assert browser.press(page, "Not now") is None
    return browser.left_to


def capture(client, order_id, key=None, **opts):
    options = {"id": order_id, "prefer": "return=representation", **opts}
    if key:
        options["paypal_request_id"] = key
    return client.orders.capture_order(options)


def approved_order(client, sandbox, payer="card", **kw):
    order = new_order(client, **kw).body
    sandbox.control("POST", f"orders/{order.id}/approve", {"payer": payer})
    return order


def issue(exc_info) -> str:
    return exc_info.value.details[0].issue


def first_capture(order):
    return order.purchase_units[0].payments.captures[0]


def bearer(client_id="sandbox-client-id", secret="sandbox-client-secret", base=None) -> dict:
    resp = requests.post(f"{base}/v1/oauth2/token", data={"grant_type": "client_credentials"},
                         auth=(client_id, secret), timeout=5)
    return {"Authorization": f"Bearer {resp.json()['access_token']}"}


def verify_independently(delivery, webhook_id=WEBHOOK_ID) -> bool:
    """PayPal's self-verification: RSA-SHA256 over id|time|webhookId|crc32(raw body), cert from the header."""
    h = {k.upper(): v for k, v in delivery.headers.items()}
    assert h["PAYPAL-AUTH-ALGO"] == "SHA256withRSA"
    pem = requests.get(h["PAYPAL-CERT-URL"], timeout=5)
    assert pem.status_code == 200
    cert = x509.load_pem_x509_certificate(pem.content)
    crc = binascii.crc32(delivery.body) & 0xFFFFFFFF
    message = f"{h['PAYPAL-TRANSMISSION-ID']}|{h['PAYPAL-TRANSMISSION-TIME']}|{webhook_id}|{crc}".encode()
    try:
        cert.public_key().verify(base64.b64decode(h["PAYPAL-TRANSMISSION-SIG"]), message, padding.PKCS1v15(),
                                 hashes.SHA256())
        return True
    except InvalidSignature:
        return False


# --- OAuth ---------------------------------------------------------------------------------------------

def test_token_and_bad_credentials(sandbox):
    ok = requests.post(f"{sandbox.base_url}/v1/oauth2/token", data={"grant_type": "client_credentials"},
                       auth=("sandbox-client-id", "sandbox-client-secret"), timeout=5)
    assert ok.status_code == 200
    assert ok.json()["token_type"] == "Bearer" and ok.json()["expires_in"] > 0
    bad = requests.post(f"{sandbox.base_url}/v1/oauth2/token", data={"grant_type": "client_credentials"},
                        auth=("sandbox-client-id", "wrong"), timeout=5)
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    with pytest.raises(AuthValidationException):
        new_order(sdk_client(sandbox.base_url, client_secret="wrong"))
    anonymous = requests.get(f"{sandbox.base_url}/v2/checkout/orders/ABC", timeout=5)
    assert anonymous.status_code == 401 and anonymous.json()["name"] == "AUTHENTICATION_FAILURE"
    stale = requests.get(f"{sandbox.base_url}/v2/checkout/orders/ABC", headers={"Authorization": "Bearer nope"},
                         timeout=5)
    assert stale.status_code == 401


# --- create --------------------------------------------------------------------------------------------

def test_create_validation_prefer_and_idempotent_replay(client, sandbox):
    headers = bearer(base=sandbox.base_url)
    url = f"{sandbox.base_url}/v2/checkout/orders"
    missing = requests.post(url, json={"purchase_units": [{"amount": {"currency_code": "CAD", "value": "1.00"}}]},
                            headers=headers, timeout=5)
    assert missing.status_code == 400 and missing.json()["details"][0]["issue"] == "MISSING_REQUIRED_PARAMETER"
    with pytest.raises(ErrorException) as exc:
        new_order(client, value="250.0")
    assert exc.value.response_code == 422 and issue(exc) == "DECIMAL_PRECISION"

    minimal = requests.post(url, json={"intent": "CAPTURE", "purchase_units": [
        {"amount": {"currency_code": "CAD", "value": "10.00"}}], "application_context": {
        "return_url": RETURN_URL, "cancel_url": CANCEL_URL}}, headers=headers, timeout=5)
    assert minimal.status_code == 201
    assert set(minimal.json()) == {"id", "status", "links"} and minimal.json()["status"] == "CREATED"
    assert "approve" in {link["rel"] for link in minimal.json()["links"]}

    key = str(uuid.uuid4())
    first = new_order(client, paypal_request_id=key)
    again = new_order(client, paypal_request_id=key)
    assert first.status_code == 201 and again.status_code == 200
    assert again.body.id == first.body.id and len(first.body.id) == 17 and first.body.id.isupper()
    assert first.body.status == "PAYER_ACTION_REQUIRED"
    assert approve_link(first.body) == f"{sandbox.base_url}/checkoutnow?token={first.body.id}"
    fetched = client.orders.get_order({"id": first.body.id}).body
    assert fetched.purchase_units[0].amount.value == "250.00"
    with pytest.raises(ErrorException) as exc:
        client.orders.get_order({"id": "NOSUCHORDER000000"})
    assert exc.value.response_code == 404 and issue(exc) == "INVALID_RESOURCE_ID"


# --- buyer pages ---------------------------------------------------------------------------------------

def test_card_payment_not_now_then_capture(client, sandbox, receiver):
    order = new_order(client, custom_id="purchase-42", invoice_id="INV-42-A").body
    left_to = pay_by_card(sandbox, order)
    parts = urlsplit(left_to)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == RETURN_URL
    query = parse_qs(parts.query)
    assert query["token"] == [order.id] and len(query["PayerID"][0]) == 13
    approved = receiver.event("CHECKOUT.ORDER.APPROVED", order.id).json()
    assert approved["resource_type"] == "checkout-order" and approved["resource"]["status"] == "APPROVED"

    result = capture(client, order.id, key=str(uuid.uuid4()))
    assert result.status_code == 201 and result.body.status == "COMPLETED"
    cap = first_capture(result.body)
    assert cap.status == "COMPLETED" and cap.amount.value == "250.00" and cap.amount.currency_code == "CAD"
    assert cap.custom_id == "purchase-42" and cap.invoice_id == "INV-42-A" and cap.final_capture is True
    assert cap.seller_receivable_breakdown.gross_amount.value == "250.00"
    assert any(link.rel == "refund" for link in cap.links)
    assert result.body.payment_source.card.last_digits == "1111"
    assert client.orders.get_order({"id": order.id}).body.status == "COMPLETED"
    event = receiver.event("PAYMENT.CAPTURE.COMPLETED", cap.id).json()
    assert event["resource"]["supplementary_data"]["related_ids"]["order_id"] == order.id
    assert event["resource"]["custom_id"] == "purchase-42"


def test_card_form_rejects_luhn_invalid_number(client, sandbox):
    order = new_order(client).body
    browser = BuyerBrowser(sandbox.base_url)
    page = browser.press(browser.open(approve_link(order)), "Pay with Debit or Credit Card")
    page = browser.press(page, "Pay now", card_number="4111111111111112", expiry="12/30", cvv="123", name="J D")
    assert page is not None and "Enter a valid card number." in page.text
    assert client.orders.get_order({"id": order.id}).body.status == "PAYER_ACTION_REQUIRED"


def test_paypal_login_in_french(client, sandbox, receiver):
    order = new_order(client, locale="fr-CA").body
    browser = BuyerBrowser(sandbox.base_url)
    page = browser.open(approve_link(order))
    assert "Payez avec une carte de crédit ou de débit Visa" in page.text and "Annuler et retourner" in page.text
    assert "250,00" in page.text
    page = browser.press(page, "Connexion", email="buyer@example.com", password="wrong")
    assert "Certaines de vos informations sont incorrectes" in page.text
    page = browser.press(page, "Connexion", email="buyer@example.com", password="sandbox-pass")
    assert browser.press(page, "Payer maintenant") is None
    query = parse_qs(urlsplit(browser.left_to).query)
    assert browser.left_to.startswith(RETURN_URL) and query["token"] == [order.id]
    result = capture(client, order.id)
    assert result.body.payment_source.paypal.email_address == "buyer@example.com"
    assert result.body.payer.payer_id == query["PayerID"][0]


def test_cancel_and_return(client, sandbox):
    order = new_order(client).body
    browser = BuyerBrowser(sandbox.base_url)
    page = browser.open(approve_link(order))
    assert browser.open(page.link("Cancel and return")) is None
    parts = urlsplit(browser.left_to)
    assert parts.netloc == "portal.test" and parts.path == "/pay/cancel"
    assert parse_qs(parts.query) == {"purchase": ["42"], "token": [order.id]}


# --- capture rules ---------------------------------------------------------------------------------------

def test_capture_before_approval_is_refused(client):
    order = new_order(client).body
    with pytest.raises(ErrorException) as exc:
        capture(client, order.id)
    assert exc.value.response_code == 422 and issue(exc) == "ORDER_NOT_APPROVED"
    assert exc.value.name == "UNPROCESSABLE_ENTITY" and exc.value.debug_id


def test_double_capture_and_request_id_replay(client, sandbox):
    order = approved_order(client, sandbox)
    key = str(uuid.uuid4())
    first = capture(client, order.id, key=key)
    replay = capture(client, order.id, key=key)
    assert first.status_code == 201 and replay.status_code == 200
    assert first_capture(replay.body).id == first_capture(first.body).id
    for other in (str(uuid.uuid4()), None):
        with pytest.raises(ErrorException) as exc:
            capture(client, order.id, key=other)
        assert issue(exc) == "ORDER_ALREADY_CAPTURED"
    journal = sandbox.control("GET", "requests?path_contains=/capture")
    assert [r["headers"].get("PayPal-Request-Id") for r in journal][:2] == [key, key]
    assert [r["status"] for r in journal] == [201, 200, 422, 422]


def test_concurrent_duplicate_gets_409(client, sandbox):
    order = approved_order(client, sandbox)
    sandbox.control("POST", "scenario", {"scenario": "slow", "order_id": order.id, "delay_seconds": 1.0})
    key, results = str(uuid.uuid4()), {}
    worker = threading.Thread(target=lambda: results.update(first=capture(client, order.id, key=key)))
    worker.start()
    time.sleep(0.3)
    with pytest.raises(ErrorException) as exc:
        capture(client, order.id, key=key)
    worker.join(5)
    assert exc.value.response_code == 409
    assert results["first"].status_code == 201 and results["first"].body.status == "COMPLETED"


# --- scenarios -------------------------------------------------------------------------------------------

def test_decline_scenario_then_retry_succeeds(client, sandbox):
    order = approved_order(client, sandbox)
    sandbox.control("POST", "scenario", {"scenario": "decline", "order_id": order.id, "times": 1})
    with pytest.raises(ErrorException) as exc:
        capture(client, order.id, key="k-1")
    assert exc.value.response_code == 422 and issue(exc) == "INSTRUMENT_DECLINED"
    assert capture(client, order.id, key="k-1").status_code == 201  # a refusal is not replayed


def test_declining_test_cards(client, sandbox, receiver):
    order = new_order(client).body
    pay_by_card(sandbox, order, number="4000000000000002")
    with pytest.raises(ErrorException) as exc:
        capture(client, order.id)
    assert issue(exc) == "INSTRUMENT_DECLINED"
    pay_by_card(sandbox, order, number="4111111111111111")  # "restart the payment" with another card
    assert capture(client, order.id).body.status == "COMPLETED"

    order = new_order(client).body
    pay_by_card(sandbox, order, number="4012888888881881", name="CCREJECT-REFUSED")
    result = capture(client, order.id)
    assert result.status_code == 201 and result.body.status == "COMPLETED"
    cap = first_capture(result.body)
    assert cap.status == "DECLINED" and cap.processor_response.response_code == "0500"
    receiver.event("PAYMENT.CAPTURE.DECLINED", cap.id)


def test_pending_capture_then_complete_and_deny(client, sandbox, receiver):
    sandbox.control("POST", "scenario", {"scenario": "pending"})  # applies to the next order created
    order = approved_order(client, sandbox)
    cap = first_capture(capture(client, order.id).body)
    assert cap.status == "PENDING" and cap.status_details.reason == "PENDING_REVIEW"
    receiver.event("PAYMENT.CAPTURE.PENDING", cap.id)
    with pytest.raises(ErrorException) as exc:
        client.payments.refund_captured_payment({"capture_id": cap.id})
    assert issue(exc) == "PENDING_CAPTURE"
    sandbox.control("POST", f"captures/{cap.id}/complete")
    completed = receiver.event("PAYMENT.CAPTURE.COMPLETED", cap.id).json()
    assert completed["resource"]["status"] == "COMPLETED"
    assert client.payments.get_captured_payment({"capture_id": cap.id}).body.status == "COMPLETED"

    sandbox.control("POST", "scenario", {"scenario": "pending"})
    order = approved_order(client, sandbox)
    cap = first_capture(capture(client, order.id).body)
    sandbox.control("POST", f"captures/{cap.id}/deny")
    assert receiver.event("PAYMENT.CAPTURE.DENIED", cap.id).json()["resource"]["status"] == "DECLINED"


def test_error_scenario(client, sandbox):
    order = approved_order(client, sandbox)
    sandbox.control("POST", "scenario", {"scenario": "error", "order_id": order.id, "times": 1})
    with pytest.raises(ErrorException) as exc:
        capture(client, order.id)
    assert exc.value.response_code == 500 and exc.value.name == "INTERNAL_SERVER_ERROR"
    assert client.orders.get_order({"id": order.id}).body.status == "APPROVED"
    assert capture(client, order.id).body.status == "COMPLETED"


def test_timeout_then_replay_with_same_request_id(client, sandbox):
    order = approved_order(client, sandbox)
    sandbox.control("POST", "scenario", {"scenario": "timeout", "order_id": order.id})
    impatient = sdk_client(sandbox.base_url, timeout=0.5)
    key = str(uuid.uuid4())
    with pytest.raises(requests.exceptions.Timeout):  # no HTTP answer in time, yet the capture committed
        capture(impatient, order.id, key=key)
    replay = capture(client, order.id, key=key)
    assert replay.status_code == 200 and first_capture(replay.body).status == "COMPLETED"
    assert len(replay.body.purchase_units[0].payments.captures) == 1


def test_amount_and_currency_mismatch(client, sandbox):
    sandbox.control("POST", "scenario", {"scenario": "amount_mismatch"})
    sandbox.control("POST", "scenario", {"scenario": "currency_mismatch"})
    first = approved_order(client, sandbox)
    second = approved_order(client, sandbox)
    amount = first_capture(capture(client, first.id).body).amount
    assert (amount.currency_code, amount.value) == ("CAD", "249.00")
    amount = first_capture(capture(client, second.id).body).amount
    assert amount.currency_code != "CAD" and amount.value == "250.00"


# --- refunds and negative testing ------------------------------------------------------------------------

def test_refunds_partial_full_and_limits(client, sandbox, receiver):
    order = approved_order(client, sandbox)
    cap = first_capture(capture(client, order.id).body)
    refunds = client.payments
    key = str(uuid.uuid4())
    partial = refunds.refund_captured_payment({"capture_id": cap.id, "paypal_request_id": key,
                                               "body": RefundRequest(amount=Money(currency_code="CAD",
                                                                                  value="50.00"))})
    assert partial.status_code == 201 and partial.body.status == "COMPLETED"
    again = refunds.refund_captured_payment({"capture_id": cap.id, "paypal_request_id": key,
                                             "body": RefundRequest(amount=Money(currency_code="CAD",
                                                                                value="50.00"))})
    assert again.status_code == 200 and again.body.id == partial.body.id
    assert refunds.get_captured_payment({"capture_id": cap.id}).body.status == "PARTIALLY_REFUNDED"
    with pytest.raises(ErrorException) as exc:
        refunds.refund_captured_payment({"capture_id": cap.id, "body": RefundRequest(
            amount=Money(currency_code="CAD", value="200.01"))})
    assert issue(exc) == "REFUND_AMOUNT_EXCEEDED"
    rest = refunds.refund_captured_payment({"capture_id": cap.id, "prefer": "return=representation"})
    assert rest.body.amount.value == "200.00"
    assert refunds.get_captured_payment({"capture_id": cap.id}).body.status == "REFUNDED"
    with pytest.raises(ErrorException) as exc:
        refunds.refund_captured_payment({"capture_id": cap.id})
    assert issue(exc) == "CAPTURE_FULLY_REFUNDED"
    receiver.wait_for(lambda d: d.json()["event_type"] == "PAYMENT.CAPTURE.REFUNDED", count=2)


def test_mock_response_header(client, sandbox):
    mock = '{"mock_application_codes":"INSTRUMENT_DECLINED"}'
    with pytest.raises(ErrorException) as exc:
        new_order(client, paypal_mock_response=mock)
    assert exc.value.response_code == 422 and issue(exc) == "INSTRUMENT_DECLINED"
    order = approved_order(client, sandbox)
    for call in (lambda: client.orders.get_order({"id": order.id, "paypal_mock_response": mock}),
                 lambda: capture(client, order.id, paypal_mock_response=mock)):
        with pytest.raises(ErrorException) as exc:
            call()
        assert issue(exc) == "INSTRUMENT_DECLINED"
    cap = first_capture(capture(client, order.id).body)
    with pytest.raises(ErrorException) as exc:
        client.payments.refund_captured_payment({"capture_id": cap.id, "paypal_mock_response": mock})
    assert issue(exc) == "INSTRUMENT_DECLINED"


# --- webhooks --------------------------------------------------------------------------------------------

def test_webhook_signatures_verify_and_tampering(client, sandbox, receiver):
    order = approved_order(client, sandbox)
    delivery = receiver.event("CHECKOUT.ORDER.APPROVED", order.id)
    assert verify_independently(delivery)
    assert not verify_independently(delivery, webhook_id="WH-SOMEONE-ELSE")
    h = {k.upper(): v for k, v in delivery.headers.items()}
    postback = {"auth_algo": h["PAYPAL-AUTH-ALGO"], "cert_url": h["PAYPAL-CERT-URL"],
                "transmission_id": h["PAYPAL-TRANSMISSION-ID"], "transmission_sig": h["PAYPAL-TRANSMISSION-SIG"],
                "transmission_time": h["PAYPAL-TRANSMISSION-TIME"], "webhook_id": WEBHOOK_ID,
                "webhook_event": delivery.json()}
    url = f"{sandbox.base_url}/v1/notifications/verify-webhook-signature"
    headers = bearer(base=sandbox.base_url)
    verdict = requests.post(url, json=postback, headers=headers, timeout=5).json()
    assert verdict == {"verification_status": "SUCCESS"}
    forged = {**postback, "webhook_event": {**delivery.json(), "event_type": "PAYMENT.CAPTURE.COMPLETED"}}
    assert requests.post(url, json=forged, headers=headers, timeout=5).json()["verification_status"] == "FAILURE"

    resource = {"id": "FAKECAPTURE000001", "status": "COMPLETED"}
    sent = sandbox.control("POST", "webhooks/send", {"event_type": "PAYMENT.CAPTURE.COMPLETED",
                                                     "resource": resource, "tamper": "signature"}, expect=201)
    assert not verify_independently(receiver.event("PAYMENT.CAPTURE.COMPLETED", sent["id"]))
    sent = sandbox.control("POST", "webhooks/send", {"event_type": "PAYMENT.CAPTURE.COMPLETED",
                                                     "resource": resource, "tamper": "cert_url"}, expect=201)
    foreign = receiver.event("PAYMENT.CAPTURE.COMPLETED", sent["id"])
    cert_url = {k.upper(): v for k, v in foreign.headers.items()}["PAYPAL-CERT-URL"]
    assert not cert_url.startswith(sandbox.base_url)


def test_webhook_retries_and_replay(client, sandbox, receiver):
    receiver.fail_next(2)
    order = approved_order(client, sandbox)
    receiver.event("CHECKOUT.ORDER.APPROVED", order.id)

    def delivered() -> list[dict]:  # the receiver may answer before the sandbox has recorded its answer
        found = sandbox.control("GET", f"webhooks?event_type=CHECKOUT.ORDER.APPROVED&order_id={order.id}")
        return found if found and found[0]["status"] == "delivered" else []

    events = wait_for(delivered, timeout=15)
    assert len(events) == 1 and events[0]["status"] == "delivered"
    assert [a["status_code"] for a in events[0]["attempts"]] == [500, 500, 200]
    sandbox.control("POST", f"webhooks/{events[0]['id']}/replay")
    copies = receiver.wait_for(lambda d: d.status == 200 and events[0]["id"] in d.body.decode(), count=2)
    assert copies[0].body == copies[1].body  # same event id and body, new transmission headers
    assert copies[0].headers["PAYPAL-TRANSMISSION-ID"] != copies[1].headers["PAYPAL-TRANSMISSION-ID"]


def test_a_replay_sent_while_the_first_delivery_awaits_its_answer_is_still_delivered(client, sandbox, receiver):
    answer = receiver.hold_next()
    order = approved_order(client, sandbox)
    [first] = receiver.wait_for(lambda d: True)
    assert first.json()["event_type"] == "CHECKOUT.ORDER.APPROVED"
    [event] = sandbox.control("GET", f"webhooks?event_type=CHECKOUT.ORDER.APPROVED&order_id={order.id}")
    sandbox.control("POST", f"webhooks/{event['id']}/replay")
    answer.set()

    copies = receiver.wait_for(lambda d: d.body == first.body, count=2)
    assert copies[0].headers["PAYPAL-TRANSMISSION-ID"] != copies[1].headers["PAYPAL-TRANSMISSION-ID"]

    def both_recorded() -> dict | None:
        found = sandbox.control("GET", f"webhooks/{event['id']}")
        return found if len(found["attempts"]) == 2 else None

    assert wait_for(both_recorded, timeout=15)["status"] == "delivered"


# --- sandbox clock ---------------------------------------------------------------------------------------

def test_orders_expire_on_the_sandbox_clock(client, sandbox):
    abandoned = new_order(client).body
    approved = approved_order(client, sandbox)
    sandbox.control("POST", "clock", {"advance_seconds": 3 * 3600 + 1})
    for order in (abandoned, approved):
        assert client.orders.get_order({"id": order.id}).body.status == "VOIDED"
        with pytest.raises(ErrorException) as exc:
            capture(client, order.id)
        assert exc.value.response_code == 422 and issue(exc) == "ORDER_EXPIRED"
    page = BuyerBrowser(sandbox.base_url).open(approve_link(abandoned))
    assert "This checkout session has expired." in page.text
    sandbox.control("POST", "clock", {"advance_seconds": 72 * 3600})
    with pytest.raises(ErrorException) as exc:
        client.orders.get_order({"id": abandoned.id})
    assert exc.value.response_code == 404


def test_healthz_and_cert(sandbox):
    assert requests.get(f"{sandbox.base_url}/healthz", timeout=5).status_code == 200
    cfg = sandbox.control("GET", "config")
    pem = requests.get(cfg["cert_url"], timeout=5)
    assert pem.status_code == 200 and b"BEGIN CERTIFICATE" in pem.content
