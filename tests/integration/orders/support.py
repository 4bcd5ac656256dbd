"""Talking to the orders API and the PayPal sandbox the way the front door does, and reading our database."""
from __future__ import annotations

import uuid
from typing import Any

import requests
from sqlalchemy import func, select

from common.db import Database
from common.tokens import Actor, issue_token
from services.orders.models import Order, Outbox
from tests.waiting import wait_for  # noqa: F401 - the tests of this folder import it from here

RETURN_URL, CANCEL_URL = "http://127.0.0.1:5000/orders/return", "http://127.0.0.1:5000/orders/cancel"



class OrdersApi:
    """The front door's side of docs/internal-api.md, acting for one company."""

    def __init__(self, base_url: str, secret: str, company_id: uuid.UUID | None = None, role: str = "company"):
        self.base_url, self.secret, self.role = base_url, secret, role
        self.company_id = company_id or uuid.uuid4()

    def as_another_company(self) -> OrdersApi:
        return OrdersApi(self.base_url, self.secret)

    def as_role(self, role: str) -> OrdersApi:
        return OrdersApi(self.base_url, self.secret, self.company_id, role)

    def headers(self) -> dict[str, str]:
        company = str(self.company_id) if self.role == "company" else None
        token = issue_token(self.secret, Actor(user_id=str(uuid.uuid4()), role=self.role, company_id=company))
        return {"Authorization": f"Bearer {token}", "X-Correlation-ID": uuid.uuid4().hex}

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return requests.request(method, self.base_url + path, json=body, headers=self.headers(), timeout=30,
                                **kwargs)

    def place(self, quantity: Any = 7) -> dict:
        response = self.call("POST", "/internal/orders", {"quantity": quantity, "billing": {
            "legal_name": "Tundra Gold Mines Ltd.", "representative_name": "Ann Example",
            "email": "ann@tundra.example", "mailing_address": "1 Main St, Yellowknife NT",
            "employer_account_number": "12345"}})
        assert response.status_code == 201, response.text
        return response.json()

    def checkout(self, order_id: str) -> requests.Response:
        return self.call("POST", f"/internal/orders/{order_id}/checkout",
                         {"return_url": RETURN_URL, "cancel_url": CANCEL_URL, "locale": "fr-CA"})

    def capture(self, order_id: str, paypal_order_id: str) -> requests.Response:
        return self.call("POST", f"/internal/orders/{order_id}/capture",
                         {"paypal_order_id": paypal_order_id, "payer_id": "QJUL8ARAJ5X86"})

    def show(self, order_id: str) -> dict:
        return self.call("GET", f"/internal/orders/{order_id}").json()


class Sandbox:
    """The PayPal sandbox's control API."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    def control(self, method: str, path: str, body: Any = None) -> Any:
        response = requests.request(method, f"{self.base_url}/_sandbox{path}", json=body, timeout=10)
        assert response.status_code < 300, f"{method} {path}: {response.status_code} {response.text}"
        return response.json()

    def approve(self, paypal_order_id: str, payer: str = "paypal") -> dict:
        return self.control("POST", f"/orders/{paypal_order_id}/approve", {"payer": payer})

    def scenario(self, paypal_order_id: str, name: str, **params: Any) -> None:
        self.control("POST", "/scenario", {"scenario": name, "order_id": paypal_order_id, **params})

    def order(self, paypal_order_id: str) -> dict:
        return self.control("GET", f"/orders/{paypal_order_id}")["order"]

    def captures_of(self, paypal_order_id: str) -> list[dict]:
        units = self.order(paypal_order_id).get("purchase_units") or [{}]
        return (units[0].get("payments") or {}).get("captures") or []

    def capture_calls(self, paypal_order_id: str) -> list[dict]:
        return self.control("GET", f"/requests?method=POST&path_contains=/orders/{paypal_order_id}/capture")

    def webhooks(self, paypal_order_id: str, event_type: str | None = None) -> list[dict]:
        query = f"?order_id={paypal_order_id}" + (f"&event_type={event_type}" if event_type else "")
        return self.control("GET", f"/webhooks{query}")

    def webhook(self, event_id: str) -> dict:
        return self.control("GET", f"/webhooks/{event_id}")

    def replay(self, event_id: str) -> None:
        self.control("POST", f"/webhooks/{event_id}/replay")

    def send(self, event_type: str, resource: dict, tamper: str | None = None) -> dict:
        return self.control("POST", "/webhooks/send", {"event_type": event_type, "resource": resource,
                                                      "tamper": tamper})

    def answers_to(self, event_id: str, timeout: float = 10) -> list[int]:
        """The HTTP statuses our side answered to each delivery of the event, once there is one."""
        attempts = wait_for(lambda: self.webhook(event_id)["attempts"], timeout)
        return [attempt.get("status_code") for attempt in attempts]


def paid_events_in_outbox(db: Database, order_id: str) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.event_type == "order.paid", Outbox.message["data"]["order_id"].as_string() == order_id))


def stored_order(db: Database, order_id: str) -> Order:
    with db.reading() as session:
        return session.get(Order, uuid.UUID(order_id))
