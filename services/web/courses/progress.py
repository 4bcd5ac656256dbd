"""Where an employee's enrolment stands, read from the courses service's answers (no I/O here): which enrolment a
page shows, what the exam section says and whether another attempt can still come."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

PASSED = ("passed", "awaiting_signoff", "certified")


def instant(value: Any) -> datetime | None:
    if not value:
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def newest(enrolments: list[dict]) -> dict | None:
    """The courses service lists the newest first."""
    return enrolments[0] if enrolments else None


def enrolment_of_attempt(enrolments: list[dict], attempt_id: str) -> dict | None:
    return next((enrolment for enrolment in enrolments
                 if any(attempt["id"] == str(attempt_id) for attempt in enrolment.get("attempts") or [])), None)


def attempt_in(enrolment: dict, attempt_id: str) -> dict | None:
    return next((attempt for attempt in enrolment.get("attempts") or [] if attempt["id"] == str(attempt_id)), None)


def graded_attempts(enrolment: dict) -> list[dict]:
    return [attempt for attempt in enrolment.get("attempts") or [] if attempt.get("submitted_at")]


@dataclass(frozen=True)
class ExamOutlook:
    """What the exam section and the result page say next: the service's reason, with what follows from it."""

    reason: str | None           # None (may start), attempt_open, course_incomplete, wait, no_attempts_left,
    #                              access_ended, passed, or too_late (the wait ends after access does)
    next_attempt_at: str | None
    attempts_left: int
    access_ends_at: str | None
    status: str

    @property
    def can_start(self) -> bool:
        return self.reason is None

    @property
    def can_resume(self) -> bool:
        return self.reason == "attempt_open"


def exam_outlook(enrolment: dict) -> ExamOutlook:
    exam = enrolment.get("exam") or {}
    reason = exam.get("reason")
    left = max(0, int(exam.get("attempts_allowed") or 0) - int(exam.get("attempts_used") or 0))
    next_at, ends_at = exam.get("next_attempt_at"), enrolment.get("access_ends_at")
    if reason == "wait" and instant(next_at) and instant(ends_at) and instant(next_at) >= instant(ends_at):
        reason = "too_late"  # the service would refuse it then as access_ended: say so now
    return ExamOutlook(reason=reason, next_attempt_at=next_at, attempts_left=left, access_ends_at=ends_at,
                       status=enrolment.get("status") or "")
