"""Links that open one account action by e-mail (choose a new password, confirm an address).

A link's token is ``<id>.<HMAC(secret, purpose|id)>``. The id names a row the front door keeps (whose account,
what for, until when, used or not); it is the only thing that travels in events and task arguments. The token is
derived again where it is used, by the two holders of the secret: notifications, which writes it into the e-mail
at sending time, and web, which checks it. No token is ever stored, published or logged.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import uuid

PASSWORD_RESET = "password_reset"
CONFIRM_EMAIL = "confirm_email"
# Where each kind of link opens, below the portal's public address (web's routes use the same paths).
LINK_PATHS = {PASSWORD_RESET: "/password/reset/", CONFIRM_EMAIL: "/register/confirm/"}


def link_token(secret: str, purpose: str, link_id: uuid.UUID) -> str:
    mac = hmac.new(secret.encode(), f"{purpose}|{link_id}".encode(), hashlib.sha256).digest()
    return f"{link_id}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"


def link_id_from_token(secret: str, purpose: str, token: str) -> uuid.UUID | None:
    """The row id a genuine token for ``purpose`` names, or None (malformed, forged, or for another purpose)."""
    id_text, _, _ = token.partition(".")
    try:
        link_id = uuid.UUID(id_text)
    except ValueError:
        return None
    return link_id if hmac.compare_digest(link_token(secret, purpose, link_id), token) else None


def link_url(public_url: str, secret: str, purpose: str, link_id: uuid.UUID) -> str:
    return public_url.rstrip("/") + LINK_PATHS[purpose] + link_token(secret, purpose, link_id)
