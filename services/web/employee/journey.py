"""Where an employee stands in the journey, as the services say it (no I/O here).

introduction course → link the employer's code → apply → review → approved (deadline) / refused / more documents
→ use my license → the online course → the exam → the certificate. The code may be linked at any point; the 90
days count from approval. Which steps are behind the employee is the licenses service's progress (the same the
company reads) up to the redemption; the applications service's answers give the details (the draft to continue,
the reason, the message), and the courses service's enrolment of the license the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from services.web.courses.progress import PASSED, ExamOutlook, exam_outlook

OPEN = ("draft", "submitted", "under_review", "documents_requested")
STEPS = ("intro_course", "code", "apply", "review", "use_license", "course", "exam", "certificate")
# A license that was used: redeemed, and finished once its course and exam are over.
USED = ("redeemed", "finished")
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
    enrolment: dict | None  # the courses service's enrolment of this license, once it opened
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
        return self.license_status in USED

    @property
    def outlook(self) -> ExamOutlook | None:
        return exam_outlook(self.enrolment) if self.enrolment else None

    @property
    def course_done(self) -> bool:
        return bool(self.enrolment and self.enrolment.get("course_completed_at"))

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
            states |= self._course_states()
        return states

    def _course_states(self) -> dict[str, str]:
        """The course, the exam and the certificate as the courses service says they stand."""
        if self.enrolment is None:
            return {"course": "waiting"}  # the course opens once the courses service has the redemption
        status, ended = self.enrolment["status"], self.enrolment["status"] == "access_expired"
        states = {"course": "done" if self.course_done else "ended" if ended else "in_progress"}
        if status in PASSED:
            states["exam"] = "done"
            states["certificate"] = "done" if status == "certified" else "waiting"
        elif status == "failed" or (ended and self.course_done):
            states["exam"] = "ended"
        elif self.course_done:
            states["exam"] = "failed" if self.enrolment.get("last_result") == "failed" else "available"
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
        if self.redeemed:
            return self._course_action()
        return "apply" if self.can_apply else None

    def _course_action(self) -> str | None:
        if self.enrolment is None:
            return None
        if self.enrolment["status"] == "certified":
            return "view_certificate"
        if self.outlook.can_start or self.outlook.can_resume:
            return "take_exam"
        if not self.course_done and self.enrolment["status"] == "in_course" and self.outlook.reason != "access_ended":
            return "continue_course"
        return None


def build_journey(progress: str | None, license_: dict | None, applications: list[dict], enrolments: list[dict],
                  now: datetime) -> Journey:
    progress = progress or "registered"
    redeemed = bool(license_ and license_["status"] in USED)
    done = set(DONE_BY_PROGRESS.get(progress, ()))
    if license_ and (license_.get("live") or redeemed):
        done.add("code")
    if redeemed:
        done.add("use_license")  # a finished license was redeemed first
    enrolment = next((item for item in enrolments if license_ and item["license_id"] == license_["id"]), None)
    journey = Journey(progress=progress, license=license_, latest=applications[0] if applications else None,
                      enrolment=enrolment, now=now, done=done)
    done |= {step for step, state in journey.states.items() if state == "done" and step in ("course", "exam",
                                                                                               "certificate")}
    return journey


def _instant(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
