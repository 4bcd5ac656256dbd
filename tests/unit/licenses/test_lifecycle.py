"""The license state machine and its clock rules, without a database."""
from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from services.licenses.lifecycle import (BECOME_ELIGIBLE, CLAIM, EXPIRE, REDEEM, REINSTATE, RELEASE, TRANSITIONS,
                                         days_left, due_reminder_point, is_releasable, transition_between)
from services.licenses.models import LicenseStatus as S

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
POINTS = (30, 7, 1)


def test_the_only_transitions_are_those_of_the_product():
    allowed = {(t.source, t.target) for t in TRANSITIONS}
    assert allowed == {(S.AVAILABLE, S.CLAIMED), (S.CLAIMED, S.ELIGIBLE), (S.ELIGIBLE, S.REDEEMED),
                       (S.ELIGIBLE, S.EXPIRED), (S.CLAIMED, S.AVAILABLE), (S.ELIGIBLE, S.AVAILABLE),
                       (S.EXPIRED, S.ELIGIBLE), (S.REDEEMED, S.FINISHED), (S.FINISHED, S.REDEEMED)}
    for source, target in itertools.product(S, S):
        assert (transition_between(source, target) is not None) == ((source, target) in allowed)


def test_a_redeemed_license_only_finishes_and_a_finished_one_only_goes_back_to_redeemed():
    # Back only when WSCC grants another attempt to an employee who was out of them (course_progress.reopen).
    assert [t.target for t in TRANSITIONS if t.source == S.REDEEMED] == [S.FINISHED]
    assert [t.target for t in TRANSITIONS if t.source == S.FINISHED] == [S.REDEEMED]


def test_an_available_code_cannot_be_redeemed_or_become_eligible_without_being_claimed():
    assert transition_between(S.AVAILABLE, S.ELIGIBLE) is None
    assert transition_between(S.AVAILABLE, S.REDEEMED) is None
    assert transition_between(S.CLAIMED, S.REDEEMED) is None


def test_each_transition_announces_its_own_event():
    assert [t.event_type for t in (CLAIM, BECOME_ELIGIBLE, REDEEM, EXPIRE, RELEASE, REINSTATE)] == [
        "license.claimed", "license.eligible", "license.redeemed", "license.expired", "license.released",
        "license.reinstated"]


def test_days_left_round_up_and_stop_at_zero():
    assert days_left(NOW + timedelta(days=7), NOW) == 7
    assert days_left(NOW + timedelta(days=6, hours=23), NOW) == 7
    assert days_left(NOW + timedelta(hours=1), NOW) == 1
    assert days_left(NOW, NOW) == 0
    assert days_left(NOW - timedelta(days=3), NOW) == 0


def test_no_reminder_is_due_before_the_first_point():
    assert due_reminder_point(NOW + timedelta(days=31), NOW, POINTS) is None


def test_the_reminder_due_is_the_latest_point_reached():
    assert due_reminder_point(NOW + timedelta(days=30), NOW, POINTS) == 30
    assert due_reminder_point(NOW + timedelta(days=8), NOW, POINTS) == 30
    assert due_reminder_point(NOW + timedelta(days=7), NOW, POINTS) == 7


def test_a_30_day_reminder_missed_while_down_is_stale_once_the_7_day_point_passed():
    assert due_reminder_point(NOW + timedelta(days=5), NOW, POINTS) == 7
    assert due_reminder_point(NOW + timedelta(hours=20), NOW, POINTS) == 1


def test_no_reminder_once_the_deadline_has_passed():
    assert due_reminder_point(NOW, NOW, POINTS) is None
    assert due_reminder_point(NOW - timedelta(minutes=1), NOW, POINTS) is None


def test_any_linked_code_not_yet_redeemed_is_releasable_whatever_the_decision():
    assert is_releasable(S.CLAIMED) and is_releasable(S.ELIGIBLE)
    for status in (S.AVAILABLE, S.REDEEMED, S.EXPIRED, S.FINISHED):
        assert not is_releasable(status)
