"""A redeemed license's course and exam, as the courses service announces them: the company follows each step up
to "certified", and the license is finished (its employee may hold another code) once the course and exam are over.

Events may arrive in any order: each keeps its time, and an older one never overwrites a newer one (at the same
instant, the step further along wins).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.clock import parse_instant
from common.db import insert_ignoring_conflicts
from common.events.schemas import CertificateChange, EnrolmentChange, ExamResult
from services.licenses.history import Cause, Change, record_changes
from services.licenses.claiming import held_license
from services.licenses.lifecycle import FINISH, REOPEN, Transition
from services.licenses.models import CourseProgress, License


class Stage(StrEnum):
    IN_COURSE = "in_course"
    EXAM_OPEN = "exam_open"
    EXAM_FAILED = "exam_failed"      # an attempt failed; another may follow
    EXAM_PASSED = "exam_passed"      # the certificate follows (after any WSCC sign-off)
    OUT_OF_ATTEMPTS = "out_of_attempts"
    ACCESS_EXPIRED = "access_expired"
    CERTIFIED = "certified"


STAGE_OF_EVENT = {"course.opened": Stage.IN_COURSE, "course.completed": Stage.EXAM_OPEN,
                  "exam.failed": Stage.EXAM_FAILED, "exam.passed": Stage.EXAM_PASSED,
                  "exam.attempts_exhausted": Stage.OUT_OF_ATTEMPTS, "exam.attempt_granted": Stage.EXAM_OPEN,
                  "course.access_expired": Stage.ACCESS_EXPIRED, "certificate.issued": Stage.CERTIFIED}
_RANK = {stage: rank for rank, stage in enumerate(Stage)}
NEVER = parse_instant("1970-01-01T00:00:00+00:00")
FINISHING_STAGES = (Stage.OUT_OF_ATTEMPTS, Stage.ACCESS_EXPIRED, Stage.CERTIFIED)


def _locked(session: Session, license_id) -> CourseProgress | None:
    if session.get(License, license_id) is None:
        return None  # not one of our licenses: nothing to follow
    insert_ignoring_conflicts(session, CourseProgress, {  # rank -1: no step known yet, any event is newer
        "license_id": license_id, "stage": Stage.IN_COURSE, "at": NEVER, "rank": -1, "lessons_done": 0,
        "lessons_total": 0, "attempts_used": 0, "attempts_allowed": 0})
    return session.scalars(select(CourseProgress).where(CourseProgress.license_id == license_id)
                           .with_for_update().execution_options(populate_existing=True)).one()


def follow(session: Session, event_type: str, change: EnrolmentChange, cause: Cause) -> None:
    """Record the step if it is the newest known, and finish the license when the course and exam are over."""
    progress = _locked(session, change.license_id)
    if progress is None:
        return
    stage, at = STAGE_OF_EVENT[event_type], parse_instant(change.at)
    if (at, _RANK[stage]) > (progress.at, progress.rank):
        progress.stage, progress.at, progress.rank = stage, at, _RANK[stage]
        progress.access_ends_at = parse_instant(change.access_ends_at)
        progress.lessons_done, progress.lessons_total = change.lessons_done, change.lessons_total
        progress.attempts_used, progress.attempts_allowed = change.attempts_used, change.attempts_allowed
    # The last result is the latest attempt's, whichever event arrives first.
    if isinstance(change, ExamResult) and change.attempt_number >= (progress.last_attempt_number or 0):
        progress.last_result = "passed" if change.passed else "failed"
        progress.last_attempt_number = change.attempt_number
        progress.attempts_used = max(progress.attempts_used, change.attempts_used)
    # By the newest step known, so that a late or redelivered "out of attempts" never undoes a later grant.
    if progress.stage in FINISHING_STAGES:
        finish(session, change.license_id, cause, at)
    elif event_type == "exam.attempt_granted" and progress.at == at:
        reopen(session, change.license_id, change.employee_id, cause, at)


def follow_certificate(session: Session, event_type: str, certificate: CertificateChange, cause: Cause) -> None:
    """The certificate's number, expiry and status (issued, suspended, reinstated, revoked)."""
    progress = _locked(session, certificate.license_id)
    if progress is None:
        return
    at = parse_instant(certificate.at)
    if progress.certificate_at is None or at >= progress.certificate_at:
        progress.certificate_number, progress.certificate_at = certificate.number, at
        progress.certificate_expires_at = parse_instant(certificate.expires_at)
        progress.certificate_status = certificate.status
    if event_type == "certificate.issued":
        follow(session, event_type, _as_enrolment_change(certificate, progress), cause)


def _as_enrolment_change(certificate: CertificateChange, progress: CourseProgress) -> EnrolmentChange:
    return EnrolmentChange(enrolment_id=certificate.enrolment_id, license_id=certificate.license_id,
                           company_id=certificate.company_id, employee_id=certificate.employee_id,
                           certification=certificate.certification, at=certificate.at,
                           access_ends_at=progress.access_ends_at or certificate.at,
                           lessons_done=progress.lessons_done, lessons_total=progress.lessons_total,
                           attempts_used=progress.attempts_used, attempts_allowed=progress.attempts_allowed)


def finish(session: Session, license_id, cause: Cause, at: datetime) -> None:
    """redeemed → finished, once (a second event finds it finished already)."""
    _make(session, FINISH, license_id, cause, at)


def reopen(session: Session, license_id, employee_id, cause: Cause, at: datetime) -> None:
    """finished → redeemed, unless the employee holds another code by now (one held code each): that license stays
    finished, and its progress still shows the exam open again."""
    if held_license(session, employee_id) is None:
        _make(session, REOPEN, license_id, cause, at)


def _make(session: Session, transition: Transition, license_id, cause: Cause, at: datetime) -> None:
    """The transition, if the license is in its source status, with its history row."""
    moved = session.scalars(update(License).where(License.id == license_id, License.status == transition.source)
                            .values(status=transition.target, updated_at=at).returning(License)).all()
    record_changes(session, transition, [Change.of(row) for row in moved], cause, at)


def progress_json(progress: CourseProgress | None) -> dict | None:
    if progress is None or progress.rank < 0:
        return None
    return {"stage": progress.stage, "at": progress.at.isoformat(),
            "access_ends_at": progress.access_ends_at and progress.access_ends_at.isoformat(),
            "lessons_done": progress.lessons_done, "lessons_total": progress.lessons_total,
            "attempts_used": progress.attempts_used, "attempts_allowed": progress.attempts_allowed,
            "last_result": progress.last_result,
            "certificate": None if progress.certificate_number is None else {
                "number": progress.certificate_number, "status": progress.certificate_status,
                "expires_at": progress.certificate_expires_at and progress.certificate_expires_at.isoformat()}}
