"""Calls to the services' internal APIs (docs/internal-api.md), on behalf of the signed-in user.

Each call carries a fresh short-lived token naming the acting user and the request's correlation id, with a
timeout; a service's error answer becomes an exception the pages turn into a message or an error page.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests
from flask import current_app
from flask_login import current_user

from common.http import CORRELATION_HEADER
from common.logs import current_correlation_id
from common.tokens import Actor, issue_token
from services.web.i18n import current_language


class ServiceError(Exception):
    """A service answered with an error: its status, stable code and per-field codes."""

    def __init__(self, status: int, code: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {code}")
        self.status, self.code, self.fields = status, code, fields or {}


class NotFound(ServiceError):
    """Unknown, or another company's: the services answer both the same."""


class Refused(ServiceError):
    """The request was understood and refused (4xx other than 404): the code says why."""


class ServiceUnavailable(ServiceError):
    """The service could not be reached, timed out, or failed (5xx)."""


def user_actor() -> Actor:
    user = current_user
    return Actor(user_id=str(user.id), role=user.role,
                 company_id=str(user.company_id) if user.company_id else None, language=current_language())


SYSTEM_ACTOR = Actor(user_id="web", role="system")


class InternalApi:
    def __init__(self, base_url: str, actor: Actor) -> None:
        settings = current_app.config["WSCC_SETTINGS"]
        self.base_url = base_url.rstrip("/")
        self.timeout = settings.api_timeout_seconds
        self.token = issue_token(settings.internal_token_secret, actor)

    def call(self, method: str, path: str, *, stream: bool = False, headers: dict[str, str] | None = None,
             **kwargs: Any) -> requests.Response:
        all_headers = {"Authorization": f"Bearer {self.token}",
                       CORRELATION_HEADER: current_correlation_id() or ""} | (headers or {})
        try:
            response = requests.request(method, self.base_url + path, headers=all_headers, timeout=self.timeout,
                                        stream=stream, **kwargs)
        except requests.RequestException as error:
            raise ServiceUnavailable(503, "unreachable") from error
        if response.status_code >= 400:
            raise _error_from(response)
        return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.call(method, path, **kwargs).json()


def _error_from(response: requests.Response) -> ServiceError:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    code, fields = error.get("code") or "error", error.get("fields") or {}
    if response.status_code == 404:
        return NotFound(404, code, fields)
    if response.status_code >= 500:
        return ServiceUnavailable(response.status_code, code, fields)
    return Refused(response.status_code, code, fields)


class OrdersApi(InternalApi):
    def __init__(self, actor: Actor | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].orders_api_url, actor or user_actor())

    def create(self, quantity: Any, billing: dict[str, Any]) -> dict:
        return self.json("POST", "/internal/orders", json={"quantity": quantity, "billing": billing})

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
        try:
            return self.call("POST", "/internal/paypal/webhooks", data=body, headers=headers).status_code
        except ServiceError as error:
            return error.status


class LicensesApi(InternalApi):
    def __init__(self, actor: Actor | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].licenses_api_url, actor or user_actor())

    def summary(self) -> dict:
        return self.json("GET", "/internal/licenses/summary")

    def page(self, page: int, per_page: int) -> dict:
        return self.json("GET", "/internal/licenses", params={"page": page, "per_page": per_page})

    def track(self, license_id: Any, assigned_to_name: str | None, assignment_date: str | None) -> dict:
        return self.json("PATCH", f"/internal/licenses/{license_id}",
                         json={"assigned_to_name": assigned_to_name, "assignment_date": assignment_date})

    def export_lines(self) -> Iterator[bytes]:
        """Every license as one JSON line, streamed; the call itself (and so any error) happens right away."""
        response = self.call("GET", "/internal/licenses/export", stream=True)
        return _lines_then_close(response)


def _lines_then_close(response: requests.Response) -> Iterator[bytes]:
    with response:
        yield from (line for line in response.iter_lines() if line)
