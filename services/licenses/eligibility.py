"""An approved employee's claimed license becomes eligible, with the deadline of that approval.

It happens on ``application.approved`` (the code was entered first) and at the claim (the approval came first):
either way the 90 days count from the approval, never from the claim.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, update
from sqlalchemy.orm import Session, aliased

from services.licenses.employees import Decision
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import BECOME_ELIGIBLE, days_left
from services.licenses.models import Employee, License, LicenseStatus


def make_eligible(session: Session, employee: Employee, cause: Cause, now: datetime) -> License | None:
    """If the employee's latest decision is an approval, their claimed license (if any) becomes eligible.

    ``employee`` must be locked (``employees.lock``) so that a claim running at the same time waits for us.
    A second delivery of the same approval finds no claimed license left: no second ``license.eligible``.
    """
    if employee.decision != Decision.APPROVED:
        return None
    # One approval is used once: a license already redeemed for it (finished or not) leaves a newly claimed code
    # merely claimed.
    used = aliased(License)
    already_redeemed = exists().where(used.employee_id == employee.employee_id,
                                      used.application_id == employee.decision_application_id,
                                      used.status.in_((LicenseStatus.REDEEMED, LicenseStatus.FINISHED)))
    license_ = session.scalars(
        update(License)
        .where(License.employee_id == employee.employee_id, License.status == BECOME_ELIGIBLE.source,
               ~already_redeemed)
        .values(status=BECOME_ELIGIBLE.target, application_id=employee.decision_application_id,
                certification=employee.decision_certification, approved_at=employee.decision_at,
                redeem_by=employee.redeem_by, updated_at=now)
        .returning(License)
    ).one_or_none()
    if license_ is not None:
        # The approval is part of the cause, whoever brought it here (its event, or the employee's claim).
        record_changes(session, BECOME_ELIGIBLE, [Change.of(license_, days_left=days_left(license_.redeem_by, now))],
                       cause.with_details(application_id=str(employee.decision_application_id)), now)
    return license_
