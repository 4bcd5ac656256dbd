"""Friendly error pages in the reader's language: not found, forbidden, too many tries, failures, a service down."""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from services.web.clients import NotFound, Refused, ServiceUnavailable
from services.web.documents import max_megabytes

log = logging.getLogger(__name__)

PAGES = {
    400: (_l("This request could not be understood"), _l("Go back, reload the page and try again.")),
    403: (_l("You cannot open this page"), _l("Your account does not give access to this page.")),
    404: (_l("Page not found"), _l("This page does not exist, or it belongs to another account.")),
    409: (_l("This cannot be done now"), _l("The record changed in the meantime. Reload the page and try again.")),
    413: (_l("This file is too large"),
          _l("A document can be at most %(size)s MB. Go back and choose a smaller file, for example a scan at a "
             "lower resolution.")),
    429: (_l("Too many attempts"), _l("Please wait a few minutes before trying again.")),
    500: (_l("Something went wrong"), _l("The problem was recorded. Please try again later.")),
    503: (_l("Service temporarily unavailable"),
          _l("Part of the portal is not answering right now. Nothing was changed. Please try again in a few "
             "minutes.")),
}


def error_page(status: int, detail: Any = None, back_url: str | None = None) -> tuple[str, int]:
    title, text = PAGES.get(status, PAGES[500 if status >= 500 else 400])
    if request.path.endswith(".json"):
        return {"error": str(title)}, status  # type: ignore[return-value]
    return render_template("errors/error.html", title=title, text=detail or text, status=status,
                           back_url=back_url), status


def too_large_page() -> tuple[str, int]:
    """A friendly 413, with the way back to the application the upload was for."""
    back = None
    if request.blueprint == "applications" and request.view_args and "application_id" in request.view_args:
        back = url_for("applications.show", application_id=request.view_args["application_id"])
    return error_page(413, str(PAGES[413][1]) % {"size": max_megabytes()}, back_url=back)


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError) -> Any:
        return error_page(400, _l("The form expired or was sent from elsewhere. Reload the page and try again."))

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error: RequestEntityTooLarge) -> Any:
        return too_large_page()

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        return error_page(error.code or 500)

    @app.errorhandler(NotFound)
    def service_not_found(error: NotFound) -> Any:
        return error_page(404)

    @app.errorhandler(Refused)
    def service_refused(error: Refused) -> Any:
        log.warning("service refused", extra={"status": error.status, "code": error.code})
        return error_page(error.status if error.status in PAGES else 409)

    @app.errorhandler(ServiceUnavailable)
    def service_down(error: ServiceUnavailable) -> Any:
        log.error("service unavailable", extra={"status": error.status, "code": error.code})
        return error_page(503)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Any:
        log.exception("unhandled error")
        return error_page(500)
