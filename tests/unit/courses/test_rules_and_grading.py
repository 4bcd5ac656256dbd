"""Grading is all or nothing per question; rules are checked field by field; dates and numbers of certificates."""
from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from common.codes import MistypedCode, check_character
from common.refusals import Invalid
from services.courses.certificates import add_months, display, normalize
from services.courses.grading import grade
from services.courses.rules import Rules, default_rules, validated_rules

TOPIC_A, TOPIC_B = {"en": "Ground", "fr": "Terrain"}, {"en": "Fire", "fr": "Incendie"}


def test_a_multiple_choice_is_right_only_with_every_right_option_and_no_wrong_one():
    graded = grade([([1, 2], {1, 2}, TOPIC_A), ([1], {1, 2}, TOPIC_A), ([1, 2, 3], {1, 2}, TOPIC_B),
                    (None, {4}, TOPIC_B), ([4], {4}, TOPIC_B)], pass_mark_percent=40)
    assert (graded.correct_count, graded.question_count, graded.score_percent) == (2, 5, Decimal("40.00"))
    assert graded.passed  # at the pass mark is a pass
    assert graded.topics == [{"topic_en": "Ground", "topic_fr": "Terrain", "correct": 1, "total": 2},
                             {"topic_en": "Fire", "topic_fr": "Incendie", "correct": 1, "total": 3}]


def test_just_below_the_pass_mark_fails():
    answers = [([1], {1}, TOPIC_A)] * 79 + [([2], {1}, TOPIC_A)] * 21
    assert not grade(answers, 80).passed
    assert grade([([1], {1}, TOPIC_A)] * 80 + [([2], {1}, TOPIC_A)] * 20, 80).passed


def test_defaults_follow_bc_and_shift_boss_adds_a_signoff():
    assert default_rules("supervisor_1_surface") == Rules(20, 80, 60, 3, 168, 42, False, 60)
    assert default_rules("shift_boss_underground").signoff_required


def test_rules_are_refused_field_by_field():
    good = default_rules("supervisor_1_surface").as_dict()
    assert validated_rules(good, bank_size=40) == Rules(**good)
    with pytest.raises(Invalid) as refused:
        validated_rules(good | {"pass_mark_percent": 101, "attempts_allowed": "3", "signoff_required": "yes",
                                "questions_per_attempt": 41}, bank_size=40)
    assert refused.value.fields == {"pass_mark_percent": "must_be_between_1_and_100",
                                    "attempts_allowed": "must_be_a_whole_number",
                                    "signoff_required": "must_be_true_or_false",
                                    "questions_per_attempt": "more_than_the_bank_holds"}


def test_five_years_from_a_leap_day_is_the_last_day_of_february():
    assert add_months(datetime(2028, 2, 29, 12, tzinfo=UTC), 60) == datetime(2033, 2, 28, 12, tzinfo=UTC)
    assert add_months(datetime(2026, 12, 2, tzinfo=UTC), 1) == datetime(2027, 1, 2, tzinfo=UTC)


def test_a_certificate_number_is_read_in_any_case_and_a_typo_is_caught():
    number = "7K3QD9XH2" + check_character("7K3QD9XH2")
    assert display(number) == number[:5] + "-" + number[5:]
    assert normalize(display(number).lower()) == number
    with pytest.raises(MistypedCode):
        normalize(number[:-2] + ("A" if number[-2] != "A" else "B") + number[-1])
