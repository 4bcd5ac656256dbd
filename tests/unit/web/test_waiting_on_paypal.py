"""The front door waits longer for a call that goes to PayPal than the orders service waits for PayPal."""
import pytest

from services.orders.settings import Settings as OrdersSettings
from services.web.settings import Settings as WebSettings


@pytest.mark.parametrize("paypal_seconds", ["1", "20", "45.5"])
def test_the_front_door_outwaits_the_orders_service(monkeypatch, paypal_seconds):
    monkeypatch.setenv("WSCC_PAYPAL_TIMEOUT_SECONDS", paypal_seconds)
    orders, web = OrdersSettings(_env_file=None), WebSettings(_env_file=None)
    assert web.paypal_timeout_seconds == orders.paypal_timeout_seconds == float(paypal_seconds)
    # A token, then the capture: each may take the orders service its whole wait.
    assert web.paypal_call_timeout_seconds > 2 * orders.paypal_timeout_seconds
