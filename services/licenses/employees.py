"""The employees projection: name, language, progress and latest decision, fed by web's and applications' events.

Events may arrive in any order, so each fact keeps the time it happened and an older fact never overwrites a
newer one. The ``record_*`` functions are pure; ``lock`` is the one place that reads the row, under a row lock, so
that a claim and an approval of the same employee take turns (otherwise each could miss the other).
"""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import parse_instant
from common.db import insert_ignoring_conflicts
from services.licenses.models import Employee, License, LicenseStatus


class Progress(StrEnum):
    REGISTERED = "registered"
    INTRO_COURSE_DONE = "intro_course_done"
    APPLICATION_SUBMITTED = "application_submitted"
    UNDER_REVIEW = "under_review"
    DOCUMENTS_REQUESTED = "documents_requested"
    APPROVED = "approved"
    REFUSED = "refused"
    # Known from the license itself, never from an employee event:
    REDEEMED = "redeemed"
    EXPIRED = "expired"


class Decision(StrEnum):
    APPROVED = "approved"
    REFUSED = "refused"


_JOURNEY = list(Progress)


def _is_newer(at: datetime, rank: int, previous_at: datetime | None, previous_rank: int) -> bool:
    """Later in time wins; at the very same instant, the step further along the journey wins."""
    return previous_at is None or (parse_instant(at), rank) > (previous_at, previous_rank)


def lock(session: Session, employee_id: uuid.UUID) -> Employee:
    """The employee's row, created empty if no event about them arrived yet, locked until the transaction ends."""
    insert_ignoring_conflicts(session, Employee, {"employee_id": employee_id})
    return session.scalars(select(Employee).where(Employee.employee_id == employee_id).with_for_update()
                           .execution_options(populate_existing=True)).one()


def record_profile(employee: Employee, name: str, language: str, at: datetime) -> bool:
    if not _is_newer(at, 0, employee.profile_at, 0):
        return False
    employee.name, employee.language, employee.profile_at = name, language, parse_instant(at)
    return True


def record_progress(employee: Employee, progress: Progress, at: datetime, certification: dict | None = None) -> bool:
    previous_rank = _JOURNEY.index(Progress(employee.progress)) if employee.progress else -1
    if not _is_newer(at, _JOURNEY.index(progress), employee.progress_at, previous_rank):
        return False
    employee.progress, employee.progress_at = progress, parse_instant(at)
    if certification is not None:
        employee.certification = certification
    return True


def record_decision(employee: Employee, decision: Decision, at: datetime, application_id: uuid.UUID,
                    certification: dict, redeem_by: datetime | None = None) -> bool:
    """Keep the latest approval or refusal; an approval's ``redeem_by`` is the deadline any license gets."""
    if not _is_newer(at, 0, employee.decision_at, 0):
        return False
    employee.decision, employee.decision_at = decision, parse_instant(at)
    employee.decision_application_id, employee.decision_certification = application_id, certification
    employee.redeem_by = parse_instant(redeem_by) if decision == Decision.APPROVED and redeem_by else None
    return True


# What the license itself says of the employee's progress, once it says more than the employee's events.
_PROGRESS_FROM_LICENSE = {LicenseStatus.REDEEMED: (Progress.REDEEMED, "redeemed_at"),
                          LicenseStatus.FINISHED: (Progress.REDEEMED, "redeemed_at"),  # the course says more
                          LicenseStatus.EXPIRED: (Progress.EXPIRED, "expired_at")}


def employee_progress(employee: Employee | None, license_: License | None) -> tuple[Progress, datetime | None]:
    """Where the employee stands, and since when: the one decision of it, which the company's table, the employee's
    own steps (through the front door) and the CSV all show."""
    progress, at = Progress.REGISTERED, license_.claimed_at if license_ else None
    if employee is not None and employee.progress:
        progress, at = Progress(employee.progress), employee.progress_at
    if license_ is not None and license_.status in _PROGRESS_FROM_LICENSE:
        progress, column = _PROGRESS_FROM_LICENSE[LicenseStatus(license_.status)]
        at = getattr(license_, column)
    return progress, at
