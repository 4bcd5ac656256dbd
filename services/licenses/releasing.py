"""The company takes back a code linked to a refused employee, so that it can go to someone else."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.http import ApiError
from services.licenses import employees
from services.licenses.employees import Decision
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import RELEASE
from services.licenses.models import License


def release_license(session: Session, company_id: uuid.UUID, license_id: uuid.UUID, cause: Cause,
                    now: datetime) -> License:
    license_ = session.scalar(select(License).where(License.id == license_id, License.company_id == company_id))
    if license_ is None:
        raise ApiError(404, "not_found")
    employee_id = license_.employee_id
    if license_.status != RELEASE.source or employee_id is None:
        raise ApiError(409, "not_releasable")
    # The employee first, then the license: the order the claim and the approval take, so no deadlock, and an
    # approval arriving now is either seen here (not releasable) or finds the code already released.
    if employees.lock(session, employee_id).decision != Decision.REFUSED:
        raise ApiError(409, "not_releasable")
    released = session.scalars(
        update(License)
        .where(License.id == license_id, License.status == RELEASE.source, License.employee_id == employee_id)
        .values(status=RELEASE.target, employee_id=None, claimed_at=None, updated_at=now)
        .returning(License)
    ).one_or_none()
    if released is None:
        raise ApiError(409, "not_releasable")
    # The history row and the event name the employee just unlinked.
    record_changes(session, RELEASE, [Change.of(released, employee_id=employee_id)], cause, now)
    return released
