"""Domain refusals: a rule of the domain said no. Domain modules raise them and know nothing of HTTP; every
service's API maps each kind to one status, once, in ``common.http``.

``code`` is a stable word the caller can act on (the front door turns it into a sentence in the user's language);
``fields`` names the input fields at fault, each with its own code, or facts the answer can state.
"""
from __future__ import annotations

from typing import Any


class Refusal(Exception):
    def __init__(self, code: str, fields: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code, self.fields = code, fields or {}


class Unreadable(Refusal):
    """The request cannot be read at all (not JSON, a forged or stale reference)."""


class Invalid(Refusal):
    """The request is readable but breaks a rule of its content (a quantity out of range, a missing field)."""


class NotFound(Refusal):
    """No such record, or not the caller's: both answer alike, so nobody learns what others have."""


class Conflict(Refusal):
    """The record's present state does not allow it (already paid, already claimed, not editable)."""


class Gone(Refusal):
    """It existed but was removed for good (a document past its retention)."""


class TooManyAttempts(Refusal):
    """The caller is over a limit; ``retry_after`` seconds tell when to try again."""

    def __init__(self, code: str, retry_after: int | None = None, fields: dict[str, Any] | None = None) -> None:
        super().__init__(code, fields)
        self.retry_after = retry_after


class Unavailable(Refusal):
    """A party we depend on (PayPal) did not answer; trying again later may work."""


class Rejected(Refusal):
    """A party we depend on refused in a way the caller cannot fix."""
