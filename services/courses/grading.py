"""Grading an attempt, on the server only: a question is right when the options chosen are exactly its right ones
(for a multiple choice, every right option and no wrong one; no part marks, as the exam is pass or fail)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Graded:
    correct_count: int
    question_count: int
    score_percent: Decimal
    passed: bool
    topics: list[dict]


def is_right(chosen: list[int] | None, right: set[int]) -> bool:
    return chosen is not None and set(chosen) == right


def grade(answers: list[tuple[list[int] | None, set[int], dict[str, str]]], pass_mark_percent: int) -> Graded:
    """``answers``: for each drawn question, the options chosen, its right options and its topic (en, fr)."""
    topics: dict[tuple[str, str], dict] = {}
    correct = 0
    for chosen, right, topic in answers:
        ok = is_right(chosen, right)
        correct += ok
        entry = topics.setdefault((topic["en"], topic["fr"]),
                                  {"topic_en": topic["en"], "topic_fr": topic["fr"], "correct": 0, "total": 0})
        entry["correct"] += ok
        entry["total"] += 1
    total = len(answers)
    score = (Decimal(100 * correct) / total if total else Decimal(0)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Graded(correct_count=correct, question_count=total, score_percent=score,
                  passed=score >= pass_mark_percent, topics=list(topics.values()))
