"""Exam attempts: who may start one and when, the questions drawn, each answer saved as it is given, and the one
grading of each attempt, by the candidate or by the deadline sweep, whichever comes first.

The deadline is fixed on the server when the attempt starts: start + time limit × the candidate's accommodation,
never later than the end of access. Pages show the time left from the server's clock. Answers are accepted until
the deadline plus a short grace for network lag, and only for the attempt's own questions and options.
"""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.events import new_event
from common.events.schemas import ExamResult
from common.outbox import record_event
from common.refusals import Conflict, Invalid, NotFound
from services.courses import certificates
from services.courses.editions import published_edition
from services.courses.enrolling import attempts_allowed, attempts_used, change_data, employee_enrolment, lock_enrolment
from services.courses.grading import grade, is_right
from services.courses.learning import text
from services.courses.models import Attempt, AttemptQuestion, Edition, Enrolment, EnrolmentStatus, Outbox, Signoff

_draw = random.SystemRandom()


@dataclass(frozen=True)
class Timing:
    """How long after the deadline an answer or a submission still counts (network lag), in seconds."""

    grace_seconds: int = 30


def open_attempt(session: Session, enrolment: Enrolment) -> Attempt | None:
    return session.scalars(select(Attempt).where(Attempt.enrolment_id == enrolment.id,
                                                 Attempt.submitted_at.is_(None))).first()


def last_attempt(session: Session, enrolment: Enrolment) -> Attempt | None:
    return session.scalars(select(Attempt).where(Attempt.enrolment_id == enrolment.id)
                           .order_by(Attempt.number.desc()).limit(1)).first()


def next_start(session: Session, enrolment: Enrolment) -> datetime | None:
    """When the next attempt may start, after the wait; None when nothing is waited for."""
    last = last_attempt(session, enrolment)
    if last is None or last.submitted_at is None:
        return None
    return last.submitted_at + timedelta(hours=enrolment.edition.wait_between_attempts_hours)


def exam_state(session: Session, enrolment: Enrolment, now: datetime) -> dict:
    """What the exam page says: may the candidate start, and if not, why and until when."""
    used, allowed = attempts_used(session, enrolment), attempts_allowed(enrolment)
    current = open_attempt(session, enrolment)
    edition = published_edition(session, enrolment.certification_code)  # the one the next attempt takes
    reason, until = _refusal(session, enrolment, now, used, allowed)
    return {"attempts_used": used, "attempts_allowed": allowed, "open_attempt_id": current and str(current.id),
            "questions_per_attempt": edition.questions_per_attempt,
            "time_limit_minutes": time_limit_minutes(enrolment, edition),
            "pass_mark_percent": edition.pass_mark_percent, "next_attempt_at": until and until.isoformat(),
            "can_start": reason is None, "reason": reason}


def time_limit_minutes(enrolment: Enrolment, edition: Edition) -> float:
    """The edition's time limit, times the candidate's accommodation."""
    return float(edition.time_limit_minutes * enrolment.time_multiplier)


def _refusal(session: Session, enrolment: Enrolment, now: datetime, used: int,
             allowed: int) -> tuple[str | None, datetime | None]:
    if enrolment.status in (EnrolmentStatus.PASSED, EnrolmentStatus.AWAITING_SIGNOFF, EnrolmentStatus.CERTIFIED):
        return "passed", None
    if enrolment.status == EnrolmentStatus.ACCESS_EXPIRED or now >= enrolment.access_ends_at:
        return "access_ended", enrolment.access_ends_at
    if enrolment.course_completed_at is None:
        return "course_incomplete", None
    if open_attempt(session, enrolment) is not None:
        return "attempt_open", None
    if used >= allowed:
        return "no_attempts_left", None
    wait_until = next_start(session, enrolment)
    if wait_until is not None and now < wait_until:
        return "wait", wait_until
    return None, None


def start_attempt(session: Session, enrolment_id: uuid.UUID, employee_id: uuid.UUID, now: datetime) -> Attempt:
    """The open attempt if there is one (a second tab or device resumes it), else a new one with its questions."""
    employee_enrolment(session, enrolment_id, employee_id)
    enrolment = lock_enrolment(session, enrolment_id)
    current = open_attempt(session, enrolment)
    if current is not None:
        return current
    used, allowed = attempts_used(session, enrolment), attempts_allowed(enrolment)
    reason, until = _refusal(session, enrolment, now, used, allowed)
    if reason is not None:
        raise Conflict(f"exam_{reason}", {"until": until.isoformat()} if until else {})
    edition = published_edition(session, enrolment.certification_code)
    deadline = min(now + timedelta(minutes=time_limit_minutes(enrolment, edition)), enrolment.access_ends_at)
    attempt = Attempt(enrolment_id=enrolment.id, edition_id=edition.id, number=used + 1, started_at=now,
                      deadline=deadline, pass_mark_percent=edition.pass_mark_percent,
                      question_count=edition.questions_per_attempt)
    drawn = _draw.sample(edition.questions, edition.questions_per_attempt)
    for position, question in enumerate(drawn, start=1):
        order = [option.id for option in question.options]
        _draw.shuffle(order)
        attempt.questions.append(AttemptQuestion(position=position, question_id=question.id, option_order=order))
    session.add(attempt)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:  # the database's one-open-attempt rule: another start won, resume that one
        raise Conflict("exam_attempt_open") from None
    return attempt


def candidate_attempt(session: Session, attempt_id: uuid.UUID, employee_id: uuid.UUID, *,
                      for_update: bool = False) -> Attempt:
    statement = (select(Attempt).join(Enrolment, Enrolment.id == Attempt.enrolment_id)
                 .where(Attempt.id == attempt_id, Enrolment.employee_id == employee_id))
    if for_update:
        statement = statement.with_for_update(of=Attempt).execution_options(populate_existing=True)
    attempt = session.scalars(statement).first()
    if attempt is None:
        raise NotFound("not_found")
    return attempt


def attempt_page(attempt: Attempt, language: str, now: datetime) -> dict:
    """The attempt as the candidate sees it: questions and options in their order, never which are right."""
    questions = []
    for item in attempt.questions:
        options = {option.id: option for option in item.question.options}
        questions.append({
            "position": item.position, "question_id": item.question_id, "kind": item.question.kind,
            "text": text(item.question, "text", language),
            "options": [{"id": option_id, "text": text(options[option_id], "text", language)}
                        for option_id in item.option_order],
            "chosen": item.chosen or [], "answered": item.chosen is not None})
    return {"id": str(attempt.id), "number": attempt.number, "started_at": attempt.started_at.isoformat(),
            "deadline": attempt.deadline.isoformat(), "server_now": now.isoformat(),
            "seconds_left": max(0, int((attempt.deadline - now).total_seconds())),
            "submitted": attempt.submitted_at is not None, "questions": questions,
            "answered_count": sum(1 for question in questions if question["answered"])}


def save_answer(session: Session, attempt_id: uuid.UUID, employee_id: uuid.UUID, question_id: int,
                chosen: list[int], now: datetime, timing: Timing) -> AttemptQuestion:
    # The attempt row is locked so that an answer and the submission never interleave: an answer is either in
    # the graded attempt or refused, never lost in between.
    attempt = candidate_attempt(session, attempt_id, employee_id, for_update=True)
    if attempt.submitted_at is not None:
        raise Conflict("attempt_submitted")
    if now > attempt.deadline + timedelta(seconds=timing.grace_seconds):
        raise Conflict("attempt_time_is_up", {"deadline": attempt.deadline.isoformat()})
    item = next((item for item in attempt.questions if item.question_id == question_id), None)
    if item is None:
        raise Invalid("not_in_attempt", {"question_id": "not_in_attempt"})
    if len(set(chosen)) != len(chosen) or not set(chosen) <= set(item.option_order):
        raise Invalid("not_an_option", {"chosen": "not_an_option"})
    if item.question.kind == "single" and len(chosen) > 1:
        raise Invalid("one_option_only", {"chosen": "one_option_only"})
    item.chosen, item.answered_at = (sorted(chosen) if chosen else None), now
    return item


def submit(session: Session, attempt_id: uuid.UUID, employee_id: uuid.UUID | None, now: datetime,
           by: str = "candidate") -> Attempt:
    """Grade the attempt once: a second submission (a double click, another tab, the sweep) finds it graded.
    ``employee_id`` None is the deadline sweep, which may close anyone's attempt."""
    if employee_id is not None:
        attempt = candidate_attempt(session, attempt_id, employee_id, for_update=True)
    else:
        attempt = session.scalars(select(Attempt).where(Attempt.id == attempt_id).with_for_update()
                                  .execution_options(populate_existing=True)).one()
    if attempt.submitted_at is not None:
        return attempt
    enrolment = lock_enrolment(session, attempt.enrolment_id)
    right = {item.question_id: {option.id for option in item.question.options if option.correct}
             for item in attempt.questions}
    graded = grade([(item.chosen, right[item.question_id], {"en": item.question.topic_en, "fr": item.question.topic_fr})
                    for item in attempt.questions], attempt.pass_mark_percent)
    for item in attempt.questions:
        item.correct = is_right(item.chosen, right[item.question_id])
    attempt.submitted_at, attempt.submitted_by = min(now, attempt.deadline) if by == "deadline" else now, by
    attempt.correct_count, attempt.score_percent = graded.correct_count, graded.score_percent
    attempt.passed, attempt.topics = graded.passed, graded.topics
    session.flush()
    _after_grading(session, enrolment, attempt, now)
    return attempt


def _after_grading(session: Session, enrolment: Enrolment, attempt: Attempt, now: datetime) -> None:
    used, allowed = attempts_used(session, enrolment), attempts_allowed(enrolment)
    exhausted = not attempt.passed and used >= allowed
    next_at = None
    if not attempt.passed and not exhausted:
        next_at = attempt.submitted_at + timedelta(hours=enrolment.edition.wait_between_attempts_hours)
        if next_at >= enrolment.access_ends_at:
            next_at = None  # no time is left for another attempt; access_expired will say so
    if attempt.passed:
        needs_signoff = enrolment.edition.signoff_required
        enrolment.status = EnrolmentStatus.AWAITING_SIGNOFF if needs_signoff else EnrolmentStatus.PASSED
        if needs_signoff:
            session.add(Signoff(enrolment_id=enrolment.id, attempt_id=attempt.id, requested_at=now))
    elif exhausted:
        enrolment.status, enrolment.finished_at = EnrolmentStatus.FAILED, now
    _announce_result(session, "exam.passed" if attempt.passed else "exam.failed", enrolment, attempt, now, next_at)
    if exhausted:
        _announce_result(session, "exam.attempts_exhausted", enrolment, attempt, now, None)
    if attempt.passed:
        certificates.issue_if_due(session, enrolment, now)


def _announce_result(session: Session, event_type: str, enrolment: Enrolment, attempt: Attempt, now: datetime,
                     next_at: datetime | None) -> None:
    record_event(session, Outbox, new_event(event_type, ExamResult(
        **change_data(session, enrolment, now), attempt_id=attempt.id, attempt_number=attempt.number,
        score_percent=attempt.score_percent, pass_mark_percent=attempt.pass_mark_percent, passed=attempt.passed,
        next_attempt_at=next_at)))


def result_page(attempt: Attempt, language: str) -> dict:
    """Score, pass mark and the topics to review; never which answers were right (the bank is reused)."""
    return {"id": str(attempt.id), "number": attempt.number, "submitted": attempt.submitted_at is not None,
            "submitted_at": attempt.submitted_at and attempt.submitted_at.isoformat(),
            "submitted_by": attempt.submitted_by, "score_percent": str(attempt.score_percent),
            "correct_count": attempt.correct_count, "question_count": attempt.question_count,
            "pass_mark_percent": attempt.pass_mark_percent, "passed": attempt.passed,
            "topics": [{"topic": topic["topic_fr" if language == "fr" else "topic_en"], "correct": topic["correct"],
                        "total": topic["total"]} for topic in (attempt.topics or [])]}


def overdue_attempts(session: Session, now: datetime, timing: Timing, limit: int) -> list[uuid.UUID]:
    cutoff = now - timedelta(seconds=timing.grace_seconds)
    return list(session.scalars(select(Attempt.id).where(Attempt.submitted_at.is_(None), Attempt.deadline < cutoff)
                                .order_by(Attempt.deadline).limit(limit)))

