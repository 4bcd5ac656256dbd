"""Injected SMTP refusals, so senders' retry-with-backoff paths can be exercised."""

from __future__ import annotations

import threading
from typing import Iterable

TEMPORARY_FAILURE = "451 4.3.0 Temporary failure"
PERMANENT_FAILURE = "550 5.0.0 Permanent failure"

STAGES = ("rcpt", "data")


class FaultPlan:
    """Counts of refusals still to hand out; shared by the SMTP and HTTP threads.

    Each RCPT or DATA answer in one of the armed ``stages`` consumes one count.
    Temporary failures are handed out before permanent ones, so a test can arm
    "two 451s then a 550" in a single request.
    """

    def __init__(self) -> None:
        # The SMTP handler runs on the asyncio thread while HTTP requests run on
        # werkzeug's threads; a plain lock keeps the counts exact under both.
        self._lock = threading.Lock()
        self._temporary = 0
        self._permanent = 0
        self._stages: tuple[str, ...] = STAGES
        self._recipient: str | None = None

    def arm(
        self,
        temporary_failures: int = 0,
        permanent_failures: int = 0,
        stages: Iterable[str] = STAGES,
        recipient: str | None = None,
    ) -> None:
        """Replace the whole plan (not add to it), so each request is self-describing.

        With ``recipient``, only mail to that address meets the refusals: a test's faults then cannot be used
        up by other mail the system under test happens to send meanwhile.
        """
        stages = tuple(stages)
        unknown = set(stages) - set(STAGES)
        if unknown or not stages:
            raise ValueError(f"stages must be a non-empty subset of {list(STAGES)}")
        if temporary_failures < 0 or permanent_failures < 0:
            raise ValueError("failure counts must not be negative")
        with self._lock:
            self._temporary = temporary_failures
            self._permanent = permanent_failures
            self._stages = tuple(s for s in STAGES if s in stages)
            self._recipient = recipient.lower() if recipient else None

    def clear(self) -> None:
        self.arm()

    def take(self, stage: str, recipients: Iterable[str] = ()) -> str | None:
        """Return the SMTP reply to refuse with at this stage, or None to proceed."""
        with self._lock:
            if stage not in self._stages:
                return None
            if self._recipient and self._recipient not in {address.lower() for address in recipients}:
                return None
            if self._temporary > 0:
                self._temporary -= 1
                return TEMPORARY_FAILURE
            if self._permanent > 0:
                self._permanent -= 1
                return PERMANENT_FAILURE
            return None

    def snapshot(self) -> dict:
        with self._lock:
            return {
                "temporary_failures": self._temporary,
                "permanent_failures": self._permanent,
                "stages": list(self._stages),
                "recipient": self._recipient,
            }
