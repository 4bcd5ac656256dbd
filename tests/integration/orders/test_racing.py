"""The return page, PayPal's approval webhook and reconciliation all try to capture one order at once."""
from __future__ import annotations

import threading

from tests.integration.orders.support import paid_events_in_outbox, stored_order, wait_for


def test_racing_captures_make_one_capture_at_paypal_and_one_order_paid(api, sandbox, front_door, checked_out,
                                                                        paid_events, db, reconcile):
    order, paypal_order_id = checked_out
    front_door.dropped = set()
    sandbox.approve(paypal_order_id)  # its CHECKOUT.ORDER.APPROVED webhook starts a capture on the worker
    [approved] = wait_for(lambda: sandbox.webhooks(paypal_order_id, "CHECKOUT.ORDER.APPROVED"))
    assert wait_for(lambda: sandbox.webhook(approved["id"])["attempts"])  # a replay now is a second delivery
    answers = []
    start = threading.Barrier(3)
    contenders = [lambda: answers.append(api.capture(order["id"], paypal_order_id)),
                  lambda: reconcile(seconds_from_now=300),
                  lambda: sandbox.replay(approved["id"])]
    threads = [threading.Thread(target=lambda run=run: (start.wait(), run())) for run in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers[0].status_code == 200 and answers[0].json()["status"] == "paid"
    assert wait_for(lambda: len(sandbox.webhook(approved["id"])["attempts"]) == 2)
    assert len(paid_events.for_order(order["id"], settle_seconds=1.5)) == 1
    calls = sandbox.capture_calls(paypal_order_id)
    assert len({call["headers"]["PayPal-Request-Id"] for call in calls}) == 1
    assert len(sandbox.captures_of(paypal_order_id)) == 1
    assert paid_events_in_outbox(db, order["id"]) == 1
    assert stored_order(db, order["id"]).status == "paid"
