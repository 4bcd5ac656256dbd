"""create_app(config): the PayPal sandbox as a Flask app (REST API, buyer pages, webhooks, control API)."""
from __future__ import annotations

import itertools
import json
import time
from typing import Callable

from flask import Flask, g, jsonify, request

from . import (auth_api, buyer_pages, capture_api, control, control_webhooks, notifications_api, orders_api,
               payments_api)
from .config import SandboxConfig
from .errors import ApiError
from .ids import iso
from .runtime import EXTENSION, Sandbox
from .state import Store

JOURNAL_HEADERS = ("PayPal-Request-Id", "Prefer", "PayPal-Mock-Response", "Content-Type",
                   "PayPal-Partner-Attribution-Id", "PayPal-Client-Metadata-Id")


def _is_rest(path: str) -> bool:
    return path.startswith(("/v1/", "/v2/"))


def _journal_body():
    raw = request.get_data(cache=True)
    if not raw:
        return None
    if request.path == "/v1/oauth2/token":
        return {k: v for k, v in request.form.items()}
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")[:4000]


def _install_journal(app: Flask, sb: Sandbox) -> None:
    seq = itertools.count(1)

    @app.before_request
    def _start():
        if _is_rest(request.path):
            request.get_data(cache=True)  # keep the body readable for the journal after the view ran
            g.sandbox_started = time.monotonic()

    @app.after_request
    def _record(response):
        if _is_rest(request.path) and not request.path.startswith("/v1/notifications/certs/"):
            auth = request.headers.get("Authorization", "")
            headers = {h: request.headers[h] for h in JOURNAL_HEADERS if h in request.headers}
            if auth:
                headers["Authorization"] = auth.split(" ", 1)[0] + " ***"
            entry = {"seq": next(seq), "at": iso(time.time()), "method": request.method, "path": request.path,
                     "query": request.query_string.decode(), "headers": headers, "body": _journal_body(),
                     "status": response.status_code,
                     "duration_ms": round((time.monotonic() - g.get("sandbox_started", time.monotonic())) * 1e3, 1)}
            with sb.store.lock:
                sb.store.journal.append(entry)
        return response


def create_app(config: SandboxConfig | dict | None = None, *, clock: Callable[[], float] | None = None) -> Flask:
    """config: a SandboxConfig, or a dict of overrides on top of the environment, or None (environment only).
    clock: the base clock (epoch seconds) under the sandbox's adjustable offset; default time.time."""
    if config is None:
        config = SandboxConfig.from_env()
    elif isinstance(config, dict):
        config = SandboxConfig.from_env(**config)
    store = Store(clock or time.time, journal_limit=config.journal_limit, events_limit=config.events_limit)
    sb = Sandbox(config, store)
    app = Flask(__name__)
    app.extensions[EXTENSION] = sb
    app.json.sort_keys = False
    for module in (auth_api, orders_api, capture_api, payments_api, buyer_pages, control, control_webhooks):
        app.register_blueprint(module.bp)
    app.register_blueprint(notifications_api.bp)
    app.register_blueprint(notifications_api.public)
    app.register_error_handler(ApiError, lambda exc: exc.response())
    app.register_error_handler(control.ControlError, control.control_error)

    @app.errorhandler(404)
    def _not_found(exc):
        if _is_rest(request.path):
            return ApiError(404, "INVALID_RESOURCE_ID", "The requested URL does not exist.",
                            field="path", value=request.path, location="path").response()
        return exc

    @app.errorhandler(405)
    def _not_allowed(exc):
        if _is_rest(request.path):
            return ApiError(405, "METHOD_NOT_SUPPORTED").response()
        return exc

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok", "service": "paypal-sandbox", "base_url": sb.base})

    _install_journal(app, sb)
    return app


def sandbox_of(app: Flask) -> Sandbox:
    """The Sandbox behind an app made by create_app (tests and tools reach config and state through it)."""
    return app.extensions[EXTENSION]
