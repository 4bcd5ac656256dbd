"""Calls to the services' internal APIs (docs/internal-api.md), on behalf of the signed-in user.

Each call carries a fresh short-lived token naming the acting user and the request's correlation id, with a
timeout; a service's error answer becomes an exception the pages turn into a message or an error page.
"""
from __future__ import annotations

import threading
from typing import Any

import requests
from flask import Flask, current_app
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


ANSWER_LATE = "timeout"  # the request was sent but its answer did not come in time: it may have had its effect


def user_actor() -> Actor:
    user = current_user
    return Actor(user_id=str(user.id), role=user.role,
                 company_id=str(user.company_id) if user.company_id else None, language=current_language())


SYSTEM_ACTOR = Actor(user_id="web", role="system")


class ConnectionPools:
    """Keep-alive connections to the services, reused across requests: one ``requests.Session`` per thread of the
    process (a session's pool is shared safely, its cookie jar and adapters less so)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session


def install_connection_pools(app: Flask) -> None:
    app.extensions["wscc_connection_pools"] = ConnectionPools()


class InternalApi:
    def __init__(self, base_url: str, actor: Actor, timeout: float | None = None) -> None:
        settings = current_app.config["WSCC_SETTINGS"]
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout or settings.api_timeout_seconds
        self.token = issue_token(settings.internal_token_secret.get_secret_value(), actor)

    def call(self, method: str, path: str, *, stream: bool = False, headers: dict[str, str] | None = None,
             **kwargs: Any) -> requests.Response:
        all_headers = {"Authorization": f"Bearer {self.token}",
                       CORRELATION_HEADER: current_correlation_id() or ""} | (headers or {})
        pools: ConnectionPools = current_app.extensions["wscc_connection_pools"]
        try:
            response = pools.session().request(method, self.base_url + path, headers=all_headers,
                                               timeout=self.timeout, stream=stream, **kwargs)
        except requests.ReadTimeout as error:
            raise ServiceUnavailable(504, ANSWER_LATE) from error
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
