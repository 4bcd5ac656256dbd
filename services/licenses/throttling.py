"""Guessing codes is throttled in the database, so the limit holds across every API process.

Only a guess counts: a code that passes its check character and matches no license. A typo caught by the check
character never gets here, and a code that exists (taken, expired, one's own) proves its typist holds a real code.

A claim counts the guesses of its account and of its client address while holding two locks: the employee's
projection row (which the claim takes anyway) and a transaction-level advisory lock on the address. A refused
claim writes its failure in that same transaction, so the next claim of that account or that address, waiting on
the lock, counts it: at most ``limit`` failures per window, however many claims arrive at once. (SQLite has no
advisory locks, but it runs one writing transaction at a time, which serializes as well.)

The account's limit is tight (one person mistyping); the address's is a mine camp's worth of honest people behind
one shared connection, each allowed a wrong code now and then, and still stops a guessing run (see settings).
"""
from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, select, text
from sqlalchemy.orm import Session

from common.db import Database
from common.refusals import TooManyAttempts
from services.licenses.models import ClaimFailure
from services.licenses.settings import Settings

# The refusals that are guesses: a well-formed code that no license has.
GUESSES = frozenset({"unknown_code"})
# The first key of the address locks, so that no other advisory lock of the database can collide with them.
ADDRESS_LOCK_CLASS = 0x4C49  # "LI"censes


class TooManyGuesses(TooManyAttempts):
    """Too many guesses from this account or address: ``minutes`` until the next claim may be tried."""

    def __init__(self, minutes: int) -> None:
        super().__init__("too_many_attempts", retry_after=minutes * 60, fields={"retry_after_minutes": minutes})
        self.minutes = minutes


@dataclass(frozen=True)
class ClaimThrottle:
    settings: Settings
    employee_id: uuid.UUID
    address: str | None
    now: datetime

    def minutes_to_wait(self, session: Session) -> int | None:
        """Call with the employee's row locked; takes the address's lock, then counts. ``None``: under the limits."""
        if self.address is not None and session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:lock_class, hashtext(:address))"),
                            {"lock_class": ADDRESS_LOCK_CLASS, "address": self.address})
        settings = self.settings
        waits = [self._wait(session, ClaimFailure.employee_id == self.employee_id,
                            settings.claim_failure_window_seconds, settings.claim_max_failures_per_account)]
        if self.address is not None:
            waits.append(self._wait(session, ClaimFailure.client_address == self.address,
                                    settings.claim_address_window_seconds, settings.claim_max_failures_per_address))
        longest = max((wait for wait in waits if wait is not None), default=None)
        return None if longest is None else max(1, math.ceil(longest.total_seconds() / 60))

    def _wait(self, session: Session, of_scope: ColumnElement[bool], window_seconds: int,
              limit: int) -> timedelta | None:
        """Until the limit-th newest failure in the window leaves it (then fewer than the limit remain)."""
        window = timedelta(seconds=window_seconds)
        limiting = session.scalars(
            select(ClaimFailure.at).where(of_scope, ClaimFailure.at > self.now - window)
            .order_by(ClaimFailure.at.desc()).offset(limit - 1).limit(1)
        ).first()
        return None if limiting is None else limiting + window - self.now

    def record_failure(self, session: Session, reason: str) -> None:
        if reason in GUESSES:
            session.add(ClaimFailure(employee_id=self.employee_id, client_address=self.address, at=self.now,
                                     reason=reason))


def longest_window(settings: Settings) -> int:
    return max(settings.claim_failure_window_seconds, settings.claim_address_window_seconds)


def forget_old_failures(db: Database, now: datetime, window_seconds: int) -> int:
    """Failures older than the longest window count for nothing any more."""
    with db.unit_of_work() as session:
        return session.execute(delete(ClaimFailure).where(
            ClaimFailure.at <= now - timedelta(seconds=window_seconds))).rowcount
