"""Where an employee stands in the journey, worked out from what the services say (no I/O here).

introduction course → link the employer's code → apply → review → approved (deadline) / refused / more documents
→ use my license → course and exam open. The code may be linked at any point; the 90 days count from approval.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

OPEN = ("draft", "submitted", "under_review", "documents_requested")
LIVE_LICENSE = ("claimed", "eligible", "redeemed")
STEPS = ("intro_course", "code", "apply", "review", "use_license", "course_and_exam")


@dataclass(frozen=True)
class Journey:
    intro_done: bool
    license: dict | None
    latest: dict | None  # the newest application, whatever its status
    access: list[dict]
    now: datetime
    done: set[str] = field(default_factory=set)

    @property
    def status(self) -> str | None:
        return self.latest["status"] if self.latest else None

    @property
    def license_status(self) -> str | None:
        return self.license["status"] if self.license else None

    @property
    def waiting_on_wscc(self) -> bool:
        return self.status in ("submitted", "under_review")

    @property
    def has_live_license(self) -> bool:
        return self.license_status in LIVE_LICENSE

    @property
    def redeem_by(self) -> str | None:
        """The license's deadline once it knows of the approval (a reinstatement moves it), else the approval's."""
        if self.license and self.license.get("redeem_by"):
            return self.license["redeem_by"]
        return self.latest.get("redeem_by") if self.status == "approved" else None

    @property
    def days_left(self) -> int | None:
        if self.license and self.license.get("days_left") is not None and self.license.get("redeem_by"):
            return max(0, int(self.license["days_left"]))
        return days_until(self.redeem_by, self.now)

    @property
    def can_use_license(self) -> bool:
        """Offer "Use my license" (the licenses service judges again when it is pressed)."""
        return self.license_status == "eligible" and bool(self.redeem_by) and _instant(self.redeem_by) > self.now

    @property
    def can_apply(self) -> bool:
        return self.status not in OPEN and self.status != "approved" and not self.redeemed

    @property
    def redeemed(self) -> bool:
        return self.license_status == "redeemed"

    @property
    def current_step(self) -> str | None:
        return next((step for step in STEPS if step not in self.done), None)


def build_journey(course: dict, license_: dict | None, applications: list[dict], access: list[dict],
                  now: datetime) -> Journey:
    latest = applications[0] if applications else None
    status = latest["status"] if latest else None
    redeemed = bool(license_ and license_["status"] == "redeemed")
    done = set()
    if course.get("completed_at"):
        done.add("intro_course")
    if license_ and license_["status"] in LIVE_LICENSE:
        done.add("code")
    if (status and status != "draft") or redeemed:
        done.add("apply")
    if status in ("approved", "refused") or redeemed:
        done.add("review")
    if redeemed:
        done.add("use_license")
    if access:
        done.add("course_and_exam")
    return Journey(intro_done="intro_course" in done, license=license_, latest=latest, access=access, now=now,
                   done=done)


def days_until(deadline: str | None, now: datetime) -> int | None:
    """Whole days left before ``deadline`` (0 on its last day, never negative)."""
    if not deadline:
        return None
    return max(0, (_instant(deadline) - now).days)


def _instant(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
