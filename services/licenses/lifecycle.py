"""The license state machine and the clock rules around it: pure functions, no I/O.

Every change of state in the service is one of ``TRANSITIONS``; the code that changes a license does it with one
conditional UPDATE whose WHERE names the transition's source state, so the database decides who wins a race.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.licenses.models import LicenseStatus

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Transition:
    name: str
    source: LicenseStatus
    target: LicenseStatus
    event_type: str | None  # None: the history keeps it, but no other service needs to hear of it


CLAIM = Transition("claim", LicenseStatus.AVAILABLE, LicenseStatus.CLAIMED, "license.claimed")
BECOME_ELIGIBLE = Transition("become_eligible", LicenseStatus.CLAIMED, LicenseStatus.ELIGIBLE, "license.eligible")
REDEEM = Transition("redeem", LicenseStatus.ELIGIBLE, LicenseStatus.REDEEMED, "license.redeemed")
EXPIRE = Transition("expire", LicenseStatus.ELIGIBLE, LicenseStatus.EXPIRED, "license.expired")
# Before it is redeemed the company may take a code back, from a claimed or an eligible license alike.
RELEASE = Transition("release", LicenseStatus.CLAIMED, LicenseStatus.AVAILABLE, "license.released")
RELEASE_ELIGIBLE = Transition("release", LicenseStatus.ELIGIBLE, LicenseStatus.AVAILABLE, "license.released")
RELEASES = {RELEASE.source: RELEASE, RELEASE_ELIGIBLE.source: RELEASE_ELIGIBLE}
REINSTATE = Transition("reinstate", LicenseStatus.EXPIRED, LicenseStatus.ELIGIBLE, "license.reinstated")
# The courses service said so (certified, out of attempts, access ended): the courses' own events told everyone.
FINISH = Transition("finish", LicenseStatus.REDEEMED, LicenseStatus.FINISHED, None)
# WSCC granted another attempt to an employee who was out of them: the course and exam go on, on this license.
REOPEN = Transition("reopen", LicenseStatus.FINISHED, LicenseStatus.REDEEMED, None)
TRANSITIONS = (CLAIM, BECOME_ELIGIBLE, REDEEM, EXPIRE, RELEASE, RELEASE_ELIGIBLE, REINSTATE, FINISH, REOPEN)


def transition_between(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)


def days_left(redeem_by: datetime, now: datetime) -> int:
    """Whole days left, rounded up (a reminder 6 days 23 hours before is "7 days left"); 0 once past."""
    remaining = (redeem_by - now) / DAY
    return max(0, math.ceil(remaining))


def due_reminder_point(redeem_by: datetime, now: datetime, points: Iterable[int]) -> int | None:
    """The latest reminder point reached by ``now``: with points 30, 7 and 1 and 5 days left, it is 7 (a missed
    30-day reminder is stale by then); ``None`` before the first point and once the deadline has passed."""
    if now >= redeem_by:
        return None
    reached = [point for point in points if redeem_by - point * DAY <= now]
    return min(reached) if reached else None


def is_releasable(status: str) -> bool:
    """A company may take back any linked code its employee has not redeemed: after a refusal, or when that
    employee will not qualify soon (the source document allows both)."""
    return status in RELEASES
