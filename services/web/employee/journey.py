"""Where an employee stands in the journey, as the services say it (no I/O here).

introduction course → link the employer's code → apply → review → approved (deadline) / refused / more documents
→ use my license → course and exam open. The code may be linked at any point; the 90 days count from approval.
Which steps are behind the employee is the licenses service's progress (the same the company reads); the
applications service's answers give the details (the draft to continue, the reason, the message, course access).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

OPEN = ("draft", "submitted", "under_review", "documents_requested")
STEPS = ("intro_course", "code", "apply", "review", "use_license", "course_and_exam")
_STARTED = {"intro_course"}
_SENT = _STARTED | {"apply"}
_APPROVED = _SENT | {"review"}
# The licenses service's progress → the steps behind the employee (the code step is the license's own).
DONE_BY_PROGRESS = {"registered": set(), "intro_course_done": _STARTED, "application_submitted": _SENT,
                    "under_review": _SENT, "documents_requested": _STARTED, "refused": _STARTED,
                    "approved": _APPROVED, "expired": _APPROVED, "redeemed": _APPROVED | {"use_license"}}


@dataclass(frozen=True)
class Journey:
    progress: str
    license: dict | None
    latest: dict | None  # the newest application, whatever its status
    access: list[dict]
    now: datetime
    done: set[str] = field(default_factory=set)

    @property
    def intro_done(self) -> bool:
        return "intro_course" in self.done

    @property
    def status(self) -> str | None:
        return self.latest["status"] if self.latest else None

    @property
    def license_status(self) -> str | None:
        return self.license["status"] if self.license else None

    @property
    def waiting_on_wscc(self) -> bool:
        return self.progress in ("application_submitted", "under_review")

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
                     and (step != "code" or self.progress == "approved")), None)

    @property
    def states(self) -> dict[str, str]:
        """Each step: done, action (the employee must act), waiting (on WSCC or the services), refused, open, todo."""
        states = {step: "done" if step in self.done else "todo" for step in STEPS}
        if self.progress == "documents_requested":
            states["apply"] = "action"
        if self.waiting_on_wscc:
            states["review"] = "waiting"
        if self.progress == "refused":
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


def build_journey(progress: str | None, license_: dict | None, applications: list[dict], access: list[dict],
                  now: datetime) -> Journey:
    progress = progress or "registered"
    redeemed = bool(license_ and license_["status"] == "redeemed")
    done = set(DONE_BY_PROGRESS.get(progress, ()))
    if license_ and (license_.get("live") or redeemed):
        done.add("code")
    # The course and exam are never "done" here: the portal learns that they opened, not that they were passed.
    return Journey(progress=progress, license=license_, latest=applications[0] if applications else None,
                   access=access, now=now, done=done)


def _instant(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
