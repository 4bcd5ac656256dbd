"""Which of courses' events about one failed attempt sends its e-mails, and what a certificate reminder needs."""
import uuid
from datetime import UTC, datetime

import pytest

from common.events import new_event
from common.handlers import PermanentEventError
from services.notifications.course_emails import was_last_attempt
from services.notifications.license_handlers import require

AT = "2026-06-19T15:00:00+00:00"


def graded(used: int, allowed: int, passed: bool = False):
    return new_event("exam.failed", {
        "enrolment_id": str(uuid.uuid4()), "license_id": str(uuid.uuid4()), "company_id": str(uuid.uuid4()),
        "employee_id": str(uuid.uuid4()), "at": AT, "access_ends_at": AT, "lessons_done": 12, "lessons_total": 12,
        "certification": {"code": "shift_boss_underground", "name_en": "Shift Boss", "name_fr": "Chef de poste"},
        "attempts_used": used, "attempts_allowed": allowed, "attempt_id": str(uuid.uuid4()), "attempt_number": used,
        "score_percent": "62.50", "pass_mark_percent": 80, "passed": passed}).payload()


@pytest.mark.parametrize(("used", "allowed", "passed", "last"), [
    (1, 3, False, False), (3, 3, False, True), (4, 4, False, True), (3, 3, True, False)])
def test_only_a_failed_attempt_using_the_last_one_allowed_is_left_to_attempts_exhausted(used, allowed, passed, last):
    assert was_last_attempt(graded(used, allowed, passed)) is last


def test_a_certificate_reminder_without_days_left_fails_at_once():
    event = new_event("certificate.expiring", {
        "number": "7K2QMX9D4T", "enrolment_id": str(uuid.uuid4()), "license_id": str(uuid.uuid4()),
        "company_id": str(uuid.uuid4()), "employee_id": str(uuid.uuid4()), "at": AT, "issued_at": AT,
        "expires_at": datetime(2029, 6, 19, tzinfo=UTC).isoformat(), "status": "valid",
        "certification": {"code": "shift_boss_underground", "name_en": "Shift Boss", "name_fr": "Chef de poste"}})
    with pytest.raises(PermanentEventError, match="lacks days_left"):
        require(event.payload(), event, "days_left")
