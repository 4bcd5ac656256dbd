"""PayPal's signed webhooks, delivered by the sandbox through a stand-in front door to the orders API."""
from __future__ import annotations

from sqlalchemy import select

from common.db import Database
from services.orders.models import PayPalInteraction, PayPalWebhookEvent
from tests.integration.orders.support import paid_events_in_outbox, stored_order, wait_for


def capture_resource(order: dict, paypal_order_id: str, capture_id: str = "WEBHOOKCAPTURE01",
                     status: str = "COMPLETED") -> dict:
    return {"id": capture_id, "status": status, "amount": {"currency_code": "CAD", "value": order["total"]},
            "custom_id": order["id"], "invoice_id": order["number"], "final_capture": True,
            "supplementary_data": {"related_ids": {"order_id": paypal_order_id}}}


def webhook_outcome(db: Database, event_id: str) -> str | None:
    with db.reading() as session:
        return session.scalar(select(PayPalWebhookEvent.outcome).where(PayPalWebhookEvent.event_id == event_id))


def test_a_webhook_with_a_bad_signature_or_a_foreign_certificate_is_refused(api, sandbox, checked_out, db):
    order, paypal_order_id = checked_out
    for tamper in ("signature", "cert_url", "body", "webhook_id"):
        event = sandbox.send("PAYMENT.CAPTURE.COMPLETED", capture_resource(order, paypal_order_id), tamper=tamper)
        assert sandbox.answers_to(event["id"])[0] == 400, tamper
        assert webhook_outcome(db, event["id"]) is None
    assert stored_order(db, order["id"]).status == "awaiting_payment"
    assert paid_events_in_outbox(db, order["id"]) == 0


def test_a_completed_capture_arriving_before_the_browser_pays_the_order_and_the_return_changes_nothing(
        api, sandbox, checked_out, paid_events, db):
    order, paypal_order_id = checked_out
    sandbox.approve(paypal_order_id)
    event = sandbox.send("PAYMENT.CAPTURE.COMPLETED", capture_resource(order, paypal_order_id))

    assert sandbox.answers_to(event["id"]) == [200]
    assert webhook_outcome(db, event["id"]) == "processed"
    assert stored_order(db, order["id"]).status == "paid"
    assert api.capture(order["id"], paypal_order_id).json()["status"] == "paid"
    assert sandbox.capture_calls(paypal_order_id) == []
    assert len(paid_events.for_order(order["id"])) == 1


def test_duplicate_and_out_of_order_webhooks_change_nothing_once_paid(api, sandbox, checked_out, paid_events, db):
    order, paypal_order_id = checked_out
    sandbox.approve(paypal_order_id)
    assert api.capture(order["id"], paypal_order_id).json()["status"] == "paid"
    [completed] = wait_for(lambda: sandbox.webhooks(paypal_order_id, "PAYMENT.CAPTURE.COMPLETED"))
    capture_id = completed["event"]["resource"]["id"]
    assert wait_for(lambda: webhook_outcome(db, completed["id"]) == "processed")

    for delivery in (2, 3):  # one replay at a time: the sandbox folds a replay into a delivery in flight
        sandbox.replay(completed["id"])
        assert wait_for(lambda: len(sandbox.webhook(completed["id"])["attempts"]) == delivery)
    late = [sandbox.send(kind, capture_resource(order, paypal_order_id, capture_id, status))
            for kind, status in (("PAYMENT.CAPTURE.PENDING", "PENDING"), ("PAYMENT.CAPTURE.DENIED", "DECLINED"))]

    for event in late:
        assert sandbox.answers_to(event["id"]) == [200]
    assert [attempt["status_code"] for attempt in sandbox.webhook(completed["id"])["attempts"]] == [200] * 3
    assert stored_order(db, order["id"]).status == "paid"
    assert len(paid_events.for_order(order["id"])) == 1
    assert paid_events_in_outbox(db, order["id"]) == 1


def test_events_about_unknown_orders_or_of_other_types_are_acknowledged_and_ignored(sandbox, db):
    unknown = sandbox.send("PAYMENT.CAPTURE.COMPLETED", {
        "id": "NOSUCHCAPTURE001", "status": "COMPLETED", "amount": {"currency_code": "CAD", "value": "1.00"},
        "custom_id": "not-an-order", "supplementary_data": {"related_ids": {"order_id": "NOSUCHORDER00001"}}})
    other = sandbox.send("CUSTOMER.DISPUTE.CREATED", {"id": "PP-D-1"})
    for event in (unknown, other):
        assert sandbox.answers_to(event["id"]) == [200]
        assert webhook_outcome(db, event["id"]) == "ignored"


def test_a_refund_made_at_paypal_is_recorded_against_the_order(api, sandbox, checked_out, db):
    order, paypal_order_id = checked_out
    sandbox.approve(paypal_order_id)
    api.capture(order["id"], paypal_order_id)
    capture_id = stored_order(db, order["id"]).paypal_capture_id
    event = sandbox.send("PAYMENT.CAPTURE.REFUNDED", {
        "id": "REFUND0000000001", "status": "COMPLETED", "amount": {"currency_code": "CAD", "value": "350.00"},
        "links": [{"rel": "up", "href": f"{sandbox.base_url}/v2/payments/captures/{capture_id}"}]})

    assert sandbox.answers_to(event["id"]) == [200]
    with db.reading() as session:
        kinds = session.scalars(select(PayPalInteraction.kind)
                                .where(PayPalInteraction.order_id == stored_order(db, order["id"]).id)).all()
    assert "refund_webhook" in kinds
