"""Addresses given to others (PayPal, e-mails) are built on the portal's public address, not the request's host."""
from typing import Any

from flask import current_app, url_for


def public_url_for(endpoint: str, **values: Any) -> str:
    return current_app.config["WSCC_SETTINGS"].public_url.rstrip("/") + url_for(endpoint, **values)
