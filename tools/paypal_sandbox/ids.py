"""Identifiers shaped like PayPal's, and timestamps."""
from __future__ import annotations

import hashlib
import secrets
import string
from datetime import datetime, timezone

_ALNUM = string.ascii_uppercase + string.digits


def resource_id(length: int = 17) -> str:
    """Order, capture and refund ids: 17 uppercase alphanumerics, e.g. 5O190127TN364715T."""
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


def payer_id(seed: str | None = None) -> str:
    """13 uppercase alphanumerics, e.g. QJUL8ARAJ5X86; stable for a given seed (a buyer e-mail)."""
    if seed is None:
        return resource_id(13)
    digest = hashlib.sha256(seed.lower().encode()).digest()
    return "".join(_ALNUM[b % len(_ALNUM)] for b in digest[:13])


def event_id() -> str:
    return f"WH-{resource_id(17)}-{resource_id(17)}"


def debug_id() -> str:
    return secrets.token_hex(7)[:13]


def access_token() -> str:
    return "A21AA" + secrets.token_urlsafe(48)


def iso(ts: float) -> str:
    """RFC 3339 in UTC without fractions, as PayPal writes it: 2024-01-01T12:00:00Z."""
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
