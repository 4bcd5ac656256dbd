"""Guessing codes is throttled in the database, so the limit holds across every API process.

A claim counts the failures of its account and of its client address in the window while holding two locks:
the employee's projection row (which the claim takes anyway) and a transaction-level advisory lock on the
address. A refused claim writes its failure in that same transaction, so the next claim of that account or that
address, waiting on the lock, counts it: at most ``limit`` failures per window, however many claims arrive at
once. (SQLite has no advisory locks, but it runs one writing transaction at a time, which serializes as well.)
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, false, func, or_, select, text
from sqlalchemy.orm import Session

from common.db import Database
from common.http import ApiError
from services.licenses.models import ClaimFailure
from services.licenses.settings import Settings

# Refusals that say nothing about the secret of a code: not counted as guesses.
NOT_GUESSES = frozenset({"employee_has_license"})
# The first key of the address locks, so that no other advisory lock of the database can collide with them.
ADDRESS_LOCK_CLASS = 0x4C49  # "LI"censes


@dataclass(frozen=True)
class ClaimThrottle:
    settings: Settings
    employee_id: uuid.UUID
    address: str | None
    now: datetime

    def refuse_if_over(self, session: Session) -> None:
        """Call with the employee's row locked; takes the address's lock, then counts (429 when over)."""
        if self.address is not None and session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:lock_class, hashtext(:address))"),
                            {"lock_class": ADDRESS_LOCK_CLASS, "address": self.address})
        by_account, by_address = self._failures_in_window(session)
        if by_account >= self.settings.claim_max_failures_per_account or \
                by_address >= self.settings.claim_max_failures_per_address:
            raise ApiError(429, "too_many_attempts")

    def _failures_in_window(self, session: Session) -> tuple[int, int]:
        """Failures of this account and of this address since the window's start, in one statement."""
        window_start = self.now - timedelta(seconds=self.settings.claim_failure_window_seconds)
        of_account = ClaimFailure.employee_id == self.employee_id
        of_address = ClaimFailure.client_address == self.address if self.address is not None else false()
        counts = session.execute(
            select(func.count().filter(of_account), func.count().filter(of_address))
            .where(ClaimFailure.at > window_start, or_(of_account, of_address))
        ).one()
        return counts[0], counts[1]

    def record_failure(self, session: Session, reason: str) -> None:
        if reason not in NOT_GUESSES:
            session.add(ClaimFailure(employee_id=self.employee_id, client_address=self.address, at=self.now,
                                     reason=reason))


def forget_old_failures(db: Database, now: datetime, window_seconds: int) -> int:
    """Failures older than the window count for nothing any more."""
    with db.unit_of_work() as session:
        return session.execute(delete(ClaimFailure).where(
            ClaimFailure.at <= now - timedelta(seconds=window_seconds))).rowcount
