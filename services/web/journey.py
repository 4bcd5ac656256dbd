"""Where an employee stands in the journey, worked out from what the services say (no I/O here).

introduction course → link the employer's code → apply → review → approved (deadline) / refused / more documents
→ use my license → course and exam open. The code may be linked at any point; the 90 days count from approval.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

OPEN = ("draft", "submitted", "under_review", "documents_requested")
# An application that has left the employee's hands with every document (a refused one is to be made again).
SENT = ("submitted", "under_review", "approved")
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
        """Live as the licenses service defines it (claimed or eligible), which it says on the license."""
        return bool(self.license and self.license.get("live"))

    @property
    def redeem_by(self) -> str | None:
        """The license's deadline once it knows of the approval (a reinstatement moves it), else the approval's."""
        if self.license and self.license.get("redeem_by"):
            return self.license["redeem_by"]
        return self.latest.get("redeem_by") if self.status == "approved" else None

    @property
    def days_left(self) -> int | None:
        """As the licenses service counts them (its e-mails say the same); None until it counts them."""
        return self.license.get("days_left") if self.license else None

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
        """The first step not behind the employee; the code counts only once it is needed (after the approval)."""
        return next((step for step in STEPS if self.states[step] not in ("done", "refused")
                     and (step != "code" or self.status == "approved")), None)

    @property
    def states(self) -> dict[str, str]:
        """Each step: done, action (the employee must act), waiting (on WSCC or the services), refused, open, todo."""
        states = {step: "done" if step in self.done else "todo" for step in STEPS}
        if self.status == "documents_requested":
            states["apply"] = "action"
        if self.status in ("submitted", "under_review"):
            states["review"] = "waiting"
        if self.status == "refused":
            states["review"] = "refused"
        if self.redeemed:
            states["course_and_exam"] = "open" if self.access else "waiting"
        return states

    @property
    def next_action(self) -> str | None:
        """What the page's main button does: the one thing the employee should do now, if any."""
        if not self.intro_done:
            return "intro_course"
        if self.status == "documents_requested":
            return "add_documents"
        if self.status == "draft":
            return "continue_application"
        if self.status == "refused":
            return "apply_again"
        if self.can_use_license:
            return "use_license"
        if self.status == "approved" and not self.license:
            return "link_code"
        return "apply" if self.can_apply else None


def build_journey(course: dict, license_: dict | None, applications: list[dict], access: list[dict],
                  now: datetime) -> Journey:
    latest = applications[0] if applications else None
    status = latest["status"] if latest else None
    redeemed = bool(license_ and license_["status"] == "redeemed")
    done = set()
    if course.get("completed_at"):
        done.add("intro_course")
    if license_ and (license_.get("live") or redeemed):
        done.add("code")
    if status in SENT or redeemed:
        done.add("apply")
    if status == "approved" or redeemed:
        done.add("review")
    if redeemed:
        done.add("use_license")
    # The course and exam are never "done" here: the portal learns that they opened, not that they were passed.
    return Journey(intro_done="intro_course" in done, license=license_, latest=latest, access=access, now=now,
                   done=done)


def _instant(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
