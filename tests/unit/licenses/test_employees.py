"""The employees projection: facts arriving out of order never move an employee backwards."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.licenses.employees import Decision, Progress, record_decision, record_profile, record_progress
from services.licenses.models import Employee

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CERT = {"code": "shift_boss_open_pit", "name_en": "Shift Boss – Open Pit", "name_fr": "Chef de quart – Ciel ouvert"}


def employee() -> Employee:
    return Employee(employee_id=uuid.uuid4())


def test_progress_moves_forward_in_time():
    someone = employee()
    assert record_progress(someone, Progress.REGISTERED, T0)
    assert record_progress(someone, Progress.INTRO_COURSE_DONE, T0 + timedelta(hours=1))
    assert (someone.progress, someone.progress_at) == (Progress.INTRO_COURSE_DONE, T0 + timedelta(hours=1))


def test_an_older_fact_arriving_late_is_ignored():
    someone = employee()
    record_progress(someone, Progress.UNDER_REVIEW, T0 + timedelta(hours=2), CERT)
    assert not record_progress(someone, Progress.APPLICATION_SUBMITTED, T0 + timedelta(hours=1), CERT)
    assert not record_progress(someone, Progress.REGISTERED, T0)
    assert someone.progress == Progress.UNDER_REVIEW


def test_a_later_step_may_go_back_along_the_journey_when_it_is_newer():
    someone = employee()
    record_progress(someone, Progress.REFUSED, T0, CERT)
    assert record_progress(someone, Progress.APPLICATION_SUBMITTED, T0 + timedelta(days=3), CERT)
    assert someone.progress == Progress.APPLICATION_SUBMITTED


def test_at_the_same_instant_the_step_further_along_wins_whatever_the_order():
    first, second = employee(), employee()
    record_progress(first, Progress.APPLICATION_SUBMITTED, T0)
    record_progress(first, Progress.UNDER_REVIEW, T0)
    record_progress(second, Progress.UNDER_REVIEW, T0)
    record_progress(second, Progress.APPLICATION_SUBMITTED, T0)
    assert first.progress == second.progress == Progress.UNDER_REVIEW


def test_the_latest_decision_wins_and_only_an_approval_carries_a_deadline():
    someone, application = employee(), uuid.uuid4()
    record_decision(someone, Decision.REFUSED, T0, uuid.uuid4(), CERT)
    assert someone.redeem_by is None
    assert record_decision(someone, Decision.APPROVED, T0 + timedelta(days=10), application, CERT,
                           T0 + timedelta(days=100))
    assert not record_decision(someone, Decision.REFUSED, T0 + timedelta(days=1), uuid.uuid4(), CERT)
    assert (someone.decision, someone.decision_application_id) == (Decision.APPROVED, application)
    assert someone.redeem_by == T0 + timedelta(days=100)


def test_an_older_profile_does_not_overwrite_a_newer_name():
    someone = employee()
    record_profile(someone, "Marie Tremblay-Okpik", "fr", T0 + timedelta(minutes=5))
    assert not record_profile(someone, "Marie Tremblay", "en", T0)
    assert (someone.name, someone.language) == ("Marie Tremblay-Okpik", "fr")


def test_naive_times_are_read_as_utc():
    someone = employee()
    record_progress(someone, Progress.REGISTERED, datetime(2026, 3, 1, 9, 0))
    assert someone.progress_at == T0
