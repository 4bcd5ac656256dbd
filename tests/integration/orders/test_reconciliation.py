"""Reconciliation on the real worker: buyers who approved and vanished, and buyers who never approved."""
from __future__ import annotations

import pytest

from tests.integration.orders.support import stored_order, wait_for

THREE_HOURS_AND_A_BIT = 3 * 3600 + 600


def test_an_order_approved_at_paypal_whose_buyer_never_came_back_is_captured(sandbox, checked_out, paid_events, db,
                                                                             reconcile):
    order, paypal_order_id = checked_out
    sandbox.approve(paypal_order_id)  # the approval webhook is lost, the tab closed

    reconcile(seconds_from_now=60)  # too early: PayPal may still send the buyer back
    reconcile(seconds_from_now=200)

    assert wait_for(lambda: stored_order(db, order["id"]).status == "paid")
    assert len(paid_events.for_order(order["id"])) == 1
    assert len(sandbox.captures_of(paypal_order_id)) == 1


@pytest.fixture
def three_hours_later(sandbox):
    sandbox.control("POST", "/clock", {"advance_seconds": THREE_HOURS_AND_A_BIT})
    yield
    sandbox.control("POST", "/clock", {"advance_seconds": -THREE_HOURS_AND_A_BIT})


def test_an_order_never_approved_for_hours_expires_and_can_no_longer_be_paid(api, sandbox, checked_out,
                                                                            three_hours_later, db, reconcile):
    order, paypal_order_id = checked_out
    reconcile(seconds_from_now=600)
    assert wait_for(lambda: stored_order(db, order["id"]).reconciled_at is not None)
    assert stored_order(db, order["id"]).status == "awaiting_payment"  # not yet abandoned by our own clock

    reconcile(seconds_from_now=THREE_HOURS_AND_A_BIT)

    assert wait_for(lambda: stored_order(db, order["id"]).status == "expired")
    assert api.checkout(order["id"]).json()["error"]["code"] == "not_payable"
