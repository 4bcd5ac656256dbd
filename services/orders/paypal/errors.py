"""The few ways a PayPal call can fail, as the rest of the service needs to tell them apart."""
from __future__ import annotations


class PayPalError(Exception):
    """A PayPal call that did not succeed."""

    def __init__(self, message: str, *, status: int | None = None, issue: str | None = None,
                 debug_id: str | None = None) -> None:
        super().__init__(message)
        self.status, self.issue, self.debug_id = status, issue, debug_id

    def details(self) -> dict:
        return {"status": self.status, "issue": self.issue, "debug_id": self.debug_id, "message": str(self)}


class PayPalUnavailable(PayPalError):
    """No usable answer (timeout, connection refused, 5xx, a request still in progress): try again later.

    A capture may have happened anyway; the retry reuses its PayPal-Request-Id, so PayPal replays it.
    """


class PayPalRejected(PayPalError):
    """PayPal answered with a business or request error (``issue`` is e.g. ``INSTRUMENT_DECLINED``)."""


class PayPalNotFound(PayPalRejected):
    """The PayPal order or capture does not exist (any more)."""


class PayPalMisconfigured(PayPalError):
    """Credentials refused: an operator must fix the settings; retrying will not help."""
