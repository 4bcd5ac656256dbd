"""The company takes back a linked code its employee has not redeemed (after a refusal, or when that employee will
not qualify soon), so that it can go to someone else. The history and the event name the employee unlinked."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.refusals import Conflict, NotFound
from services.licenses import employees
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import RELEASES
from services.licenses.models import License


class NotReleasable(Conflict):
    """The code cannot be taken back: ``status`` says why (available: not linked; redeemed: used; expired)."""

    def __init__(self, status: str) -> None:
        super().__init__("not_releasable", {"status": status})
        self.status = status


class UnknownLicense(NotFound):
    """No license of this company has this id (another company's answers the same)."""

    def __init__(self) -> None:
        super().__init__("not_found")


def _company_license(session: Session, company_id: uuid.UUID, license_id: uuid.UUID) -> License:
    license_ = session.scalar(select(License).where(License.id == license_id, License.company_id == company_id)
                              .execution_options(populate_existing=True))
    if license_ is None:
        raise UnknownLicense()
    return license_


def release_license(session: Session, company_id: uuid.UUID, license_id: uuid.UUID, cause: Cause,
                    now: datetime) -> License:
    employee_id = _company_license(session, company_id, license_id).employee_id
    if employee_id is not None:
        # The employee first, then the license: the order the claim and the approval take, so no deadlock; an
        # approval handled meanwhile is seen in the license read again below.
        employees.lock(session, employee_id)
    license_ = _company_license(session, company_id, license_id)
    transition = RELEASES.get(license_.status)
    if transition is None or license_.employee_id is None:
        raise NotReleasable(license_.status)
    change = Change.of(license_)  # its facts as they were (whose, for which approval): the update clears them
    released = session.scalars(
        update(License)
        .where(License.id == license_id, License.status == transition.source,
               License.employee_id == license_.employee_id)
        .values(status=transition.target, employee_id=None, claimed_at=None, application_id=None,
                certification=None, approved_at=None, redeem_by=None, updated_at=now)
        .returning(License)
    ).one_or_none()
    if released is None:  # redeemed at this very moment (redemption takes no employee lock): the database decided
        raise NotReleasable(session.scalar(select(License.status).where(License.id == license_id)))
    record_changes(session, transition, [change], cause, now)
    return released
