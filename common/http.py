"""Pieces every service's internal HTTP API shares: the acting user, JSON errors, correlation ids, health."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Flask, current_app, g, jsonify, request
from sqlalchemy import text
from werkzeug.exceptions import HTTPException

from common.logs import configure_logging, new_correlation_id, set_correlation_id
from common.refusals import (Conflict, Gone, Invalid, NotFound, Refusal, Rejected, TooManyAttempts, Unavailable,
                             Unreadable)
from common.runtime import ServiceRuntime
from common.text_input import refuse_control_characters
from common.tokens import Actor, InvalidToken, read_token

log = logging.getLogger(__name__)
CORRELATION_HEADER = "X-Correlation-ID"
RUNTIME_EXTENSION = "wscc_runtime"


# The one place a domain refusal becomes an HTTP status.
STATUS_BY_REFUSAL: dict[type[Refusal], int] = {
    Unreadable: 400, Invalid: 422, NotFound: 404, Conflict: 409, Gone: 410, TooManyAttempts: 429,
    Rejected: 502, Unavailable: 503}


def refusal_status(refusal: Refusal) -> int:
    return next((status for kind, status in STATUS_BY_REFUSAL.items() if isinstance(refusal, kind)), 422)


class ApiError(Exception):
    """An answer about the call itself, decided at the edge (the token, the role): a status and a code."""

    def __init__(self, status: int, code: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.fields = status, code, fields or {}


def current_runtime() -> ServiceRuntime:
    """The runtime of the app handling this request: each app is given its own (``create_service_api``)."""
    return current_app.extensions[RUNTIME_EXTENSION]


def actor() -> Actor:
    return g.actor


def requires_actor(*roles: str) -> Callable:
    """Accept the call only with a valid token naming a user of one of ``roles``."""
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            header = request.headers.get("Authorization", "")
            if not header.startswith("Bearer "):
                raise ApiError(401, "missing_token")
            runtime = current_runtime()
            try:
                g.actor = read_token(runtime.settings.internal_token_secret.get_secret_value(),
                                     header.removeprefix("Bearer "), runtime.settings.internal_token_max_age)
            except InvalidToken:
                raise ApiError(401, "invalid_token") from None
            if roles and g.actor.role not in roles:
                raise ApiError(403, "forbidden")
            return view(*args, **kwargs)
        return guarded
    return decorate


def health_blueprint(runtime: Callable[[], ServiceRuntime]) -> Blueprint:
    health = Blueprint("health", __name__)

    @health.get("/healthz")
    def healthz() -> Any:
        return {"status": "ok"}

    @health.get("/readyz")
    def readyz() -> Any:
        checks = {"database": _check(lambda: _ping_database(runtime())),
                  "broker": _check(lambda: _ping_broker(runtime()))}
        ready = all(value == "ok" for value in checks.values())
        return jsonify(status="ready" if ready else "not ready", checks=checks), 200 if ready else 503

    return health


def _check(probe: Callable[[], None]) -> str:
    try:
        probe()
        return "ok"
    except Exception as error:  # any failure means not ready; its text helps the operator
        return f"failed: {error.__class__.__name__}"


def _ping_database(runtime: ServiceRuntime) -> None:
    with runtime.db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def _ping_broker(runtime: ServiceRuntime) -> None:
    from kombu import Connection
    with Connection(runtime.settings.broker_url, connect_timeout=2) as connection:
        connection.ensure_connection(max_retries=1)


def create_service_api(service: str, runtime: ServiceRuntime, blueprints: list[Blueprint]) -> Flask:
    """The Flask app of a service's internal API: logging, correlation ids, JSON errors, health, its routes.

    The app keeps ``runtime`` for its views (``current_runtime()``): whoever builds the app decides its parts.
    """
    app = Flask(service)
    app.extensions[RUNTIME_EXTENSION] = runtime
    configure_logging(service, runtime.settings, process=f"{service}-api")

    @app.before_request
    def bind_request() -> None:
        set_correlation_id(request.headers.get(CORRELATION_HEADER) or new_correlation_id())
        # Query strings reach database lookups: refused here once for every route (JSON bodies where they are read).
        for name, value in request.args.items(multi=True):
            refuse_control_characters({name: value})

    @app.after_request
    def log_request(response: Any) -> Any:
        log.info("request handled", extra={"method": request.method, "path": request.path,
                                            "status": response.status_code})
        return response

    @app.errorhandler(ApiError)
    def api_error(error: ApiError) -> Any:
        return jsonify(error={"code": error.code, "fields": error.fields}), error.status

    @app.errorhandler(Refusal)
    def refused(refusal: Refusal) -> Any:
        response = jsonify(error={"code": refusal.code, "fields": refusal.fields})
        if isinstance(refusal, TooManyAttempts) and refusal.retry_after is not None:
            response.headers["Retry-After"] = str(refusal.retry_after)
        return response, refusal_status(refusal)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        return jsonify(error={"code": (error.name or "error").lower().replace(" ", "_"), "fields": {}}), error.code

    app.register_blueprint(health_blueprint(current_runtime))
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    return app
