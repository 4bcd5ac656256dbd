"""What happens around every request: correlation ids, the server-side session, security headers, one log line."""
from __future__ import annotations

import logging
import time

from flask import Flask, Response, current_app, g, request

from common.http import CORRELATION_HEADER
from common.logs import new_correlation_id, set_correlation_id
from services.web.accounts.sessions import check_session, require_own_password

log = logging.getLogger("services.web.requests")

# Only the portal's own files; no inline script, no framing. (No form-action: the PayPal button's redirect
# leaves the site, and Chrome applies form-action to redirects.)
CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                           "frame-ancestors 'none'")


def install_request_hooks(app: Flask) -> None:
    app.before_request(start_request)
    app.before_request(check_session)
    app.before_request(require_own_password)
    app.after_request(finish_request)


def start_request() -> None:
    """Every browser request gets its own correlation id; it goes to the services and into every log line."""
    g.correlation_id = new_correlation_id()
    g.started = time.perf_counter()
    set_correlation_id(g.correlation_id)


def finish_request(response: Response) -> Response:
    response.headers[CORRELATION_HEADER] = g.get("correlation_id", "")
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config.get("WSCC_HSTS_MAX_AGE"):
        response.headers.setdefault("Strict-Transport-Security",
                                    f"max-age={current_app.config['WSCC_HSTS_MAX_AGE']}; includeSubDomains")
    if request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "no-store")
        # The route's pattern, not the path: a reset link's token must not end up in the logs.
        route = request.url_rule.rule if request.url_rule else request.path
        log.info("request", extra={"method": request.method, "route": route, "status": response.status_code,
                                   "duration_ms": round((time.perf_counter() - g.get("started", 0)) * 1000, 1)})
    return response
