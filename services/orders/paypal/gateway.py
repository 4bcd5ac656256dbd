"""The orders service's only way to PayPal: create, show and capture orders.

Every POST carries a PayPal-Request-Id chosen by the caller, so a retry is replayed by PayPal, never repeated.
Answers come back as plain views; failures as the errors of ``paypal.errors``.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import requests
from apimatic_core.exceptions.auth_validation_exception import AuthValidationException
from paypalserversdk.exceptions.api_exception import ApiException
from paypalserversdk.exceptions.error_exception import ErrorException
from paypalserversdk.models.amount_with_breakdown import AmountWithBreakdown
from paypalserversdk.models.checkout_payment_intent import CheckoutPaymentIntent
from paypalserversdk.models.order_request import OrderRequest
from paypalserversdk.models.payment_source import PaymentSource
from paypalserversdk.models.paypal_experience_landing_page import PaypalExperienceLandingPage
from paypalserversdk.models.paypal_experience_user_action import PaypalExperienceUserAction
from paypalserversdk.models.paypal_wallet import PaypalWallet
from paypalserversdk.models.paypal_wallet_context_shipping_preference import (
    PaypalWalletContextShippingPreference,
)
from paypalserversdk.models.paypal_wallet_experience_context import PaypalWalletExperienceContext
from paypalserversdk.models.purchase_unit_request import PurchaseUnitRequest
from paypalserversdk.paypal_serversdk_client import PaypalServersdkClient

from services.orders.paypal.client import build_client
from services.orders.paypal.errors import (
    PayPalError,
    PayPalMisconfigured,
    PayPalNotFound,
    PayPalRejected,
    PayPalUnavailable,
)
from services.orders.paypal.answers import OrderView, order_from_json

log = logging.getLogger(__name__)
REPRESENTATION = "return=representation"


@dataclass(frozen=True)
class PurchaseRequest:
    """What we ask PayPal to collect: one purchase unit carrying our references."""

    amount: Decimal
    currency: str
    custom_id: str  # our order id
    invoice_id: str  # our order number
    description: str
    brand_name: str
    return_url: str
    cancel_url: str
    locale: str | None


def _order_request(purchase: PurchaseRequest) -> OrderRequest:
    # The SDK serialises its defaults (GET_FROM_FILE shipping, CONTINUE), so the ones we mean are spelt out.
    context = PaypalWalletExperienceContext(
        brand_name=purchase.brand_name, return_url=purchase.return_url, cancel_url=purchase.cancel_url,
        shipping_preference=PaypalWalletContextShippingPreference.NO_SHIPPING,
        user_action=PaypalExperienceUserAction.PAY_NOW,
        landing_page=PaypalExperienceLandingPage.NO_PREFERENCE,
        **({"locale": purchase.locale} if purchase.locale else {}),
    )
    unit = PurchaseUnitRequest(
        amount=AmountWithBreakdown(currency_code=purchase.currency, value=f"{purchase.amount:.2f}"),
        custom_id=purchase.custom_id, invoice_id=purchase.invoice_id, description=purchase.description[:127],
    )
    return OrderRequest(intent=CheckoutPaymentIntent.CAPTURE, purchase_units=[unit],
                        payment_source=PaymentSource(paypal=PaypalWallet(experience_context=context)))


def _translate(error: Exception) -> PayPalError:
    if isinstance(error, ErrorException):
        issue = error.details[0].issue if getattr(error, "details", None) else getattr(error, "name", None)
        kind = PayPalNotFound if error.response_code == 404 else (
            PayPalUnavailable if error.response_code >= 500 or error.response_code in (408, 409, 429)
            else PayPalRejected)
        return kind(str(getattr(error, "message", None) or error), status=error.response_code, issue=issue,
                    debug_id=getattr(error, "debug_id", None))
    if isinstance(error, AuthValidationException):
        return PayPalMisconfigured(f"PayPal refused our credentials: {error}")
    if isinstance(error, requests.Timeout):
        return PayPalUnavailable(f"PayPal did not answer in time: {error}", issue="TIMEOUT")
    if isinstance(error, requests.RequestException):
        return PayPalUnavailable(f"PayPal unreachable: {error}", issue="CONNECTION")
    if isinstance(error, ApiException):
        return PayPalUnavailable(f"PayPal answered {error.response_code}: {error}", status=error.response_code)
    raise error


class PayPalGateway:
    def __init__(self, client_factory: Callable[[], PaypalServersdkClient]) -> None:
        self._client_factory = client_factory
        self._client: PaypalServersdkClient | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Any) -> PayPalGateway:
        return cls(lambda: build_client(settings.paypal_base_url, settings.paypal_client_id.get_secret_value(),
                                        settings.paypal_client_secret.get_secret_value(),
                                        settings.paypal_timeout_seconds))

    def create_order(self, purchase: PurchaseRequest, request_id: str) -> OrderView:
        return self._call(lambda client: client.orders.create_order(
            {"body": _order_request(purchase), "paypal_request_id": request_id, "prefer": REPRESENTATION}))

    def get_order(self, paypal_order_id: str) -> OrderView:
        return self._call(lambda client: client.orders.get_order({"id": paypal_order_id}))

    def capture_order(self, paypal_order_id: str, request_id: str) -> OrderView:
        return self._call(lambda client: client.orders.capture_order(
            {"id": paypal_order_id, "paypal_request_id": request_id, "prefer": REPRESENTATION}))

    def _call(self, request: Callable[[PaypalServersdkClient], Any]) -> OrderView:
        def parse(text: str) -> OrderView:
            return order_from_json(json.loads(text))

        try:
            try:
                return parse(request(self._current_client()).text)
            except ErrorException as error:
                if error.response_code != 401:
                    raise
                # The SDK refreshes its token only on its own clock, never after a 401 (PayPal forgot the token,
                # or the sandbox restarted): start a fresh client once. POSTs repeat their PayPal-Request-Id.
                log.info("PayPal refused our access token; fetching a new one")
                self._forget_client()
                return parse(request(self._current_client()).text)
        except (ApiException, AuthValidationException, requests.RequestException) as error:
            raise _translate(error) from error

    def _current_client(self) -> PaypalServersdkClient:
        with self._lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    def _forget_client(self) -> None:
        with self._lock:
            self._client = None
