"""The orders service (docs/internal-api.md, "orders")."""
from __future__ import annotations

from typing import Any

from flask import current_app

from common.tokens import Actor
from services.web.clients.base import InternalApi, ServiceError, user_actor


class OrdersApi(InternalApi):
    def __init__(self, actor: Actor | None = None, timeout: float | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].orders_api_url, actor or user_actor(), timeout)

    @classmethod
    def reaching_paypal(cls) -> OrdersApi:
        """For the calls the orders service answers only after PayPal has: waits longer than orders waits."""
        return cls(timeout=current_app.config["WSCC_SETTINGS"].paypal_call_timeout_seconds)

    def create(self, quantity: Any, billing: dict[str, Any]) -> dict:
        return self.json("POST", "/internal/orders", json={"quantity": quantity, "billing": billing})

    def terms(self) -> dict:
        return self.json("GET", "/internal/orders/terms")

    def list(self) -> list[dict]:
        return self.json("GET", "/internal/orders")["items"]

    def get(self, order_id: Any) -> dict:
        return self.json("GET", f"/internal/orders/{order_id}")

    def checkout(self, order_id: Any, return_url: str, cancel_url: str, locale: str) -> str:
        answer = self.json("POST", f"/internal/orders/{order_id}/checkout",
                           json={"return_url": return_url, "cancel_url": cancel_url, "locale": locale})
        return answer["approve_url"]

    def capture(self, order_id: Any, paypal_order_id: str, payer_id: str | None) -> dict:
        return self.json("POST", f"/internal/orders/{order_id}/capture",
                         json={"paypal_order_id": paypal_order_id, "payer_id": payer_id})

    def payment_cancelled(self, order_id: Any, paypal_order_id: str | None) -> dict:
        return self.json("POST", f"/internal/orders/{order_id}/payment-cancelled",
                         json={"paypal_order_id": paypal_order_id})

    def drop(self, order_id: Any) -> dict:
        return self.json("POST", f"/internal/orders/{order_id}/drop")

    def receipt(self, order_id: Any) -> dict:
        return self.json("GET", f"/internal/orders/{order_id}/receipt")

    def held(self) -> list[dict]:
        return self.json("GET", "/internal/admin/orders", params={"status": "held"})["items"]

    def forward_webhook(self, body: bytes, headers: dict[str, str]) -> int:
        """PayPal's delivery, unchanged; returns the status to answer PayPal (which retries on a failure)."""
        # Orders asks PayPal to verify the signature before answering: wait as for any call that reaches PayPal.
        self.timeout = current_app.config["WSCC_SETTINGS"].paypal_call_timeout_seconds
        try:
            return self.call("POST", "/internal/paypal/webhooks", data=body, headers=headers).status_code
        except ServiceError as error:
            return error.status
