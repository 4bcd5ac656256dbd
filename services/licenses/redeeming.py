"""The employee uses their eligible license before its deadline: one conditional UPDATE, so it happens once."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from common.refusals import Conflict, NotFound
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import REDEEM
from services.licenses.models import HELD_STATUSES, License, LicenseStatus


def current_license(session: Session, employee_id: uuid.UUID) -> License | None:
    """The license the employee holds if any, otherwise the one they claimed last."""
    live_first = case((License.status.in_(HELD_STATUSES), 0), else_=1)
    return session.scalars(select(License).where(License.employee_id == employee_id)
                           .order_by(live_first, License.claimed_at.desc()).limit(1)).first()


def redeem_license(session: Session, employee_id: uuid.UUID, cause: Cause, now: datetime) -> License:
    """Of any number of simultaneous calls one redeems; the others answer with the redeemed license."""
    redeemed = session.scalars(
        update(License)
        .where(License.employee_id == employee_id, License.status == REDEEM.source, License.redeem_by > now)
        .values(status=REDEEM.target, redeemed_at=now, updated_at=now)
        .returning(License)
    ).one_or_none()
    if redeemed is not None:
        record_changes(session, REDEEM, [Change.of(redeemed)], cause, now)
        return redeemed
    license_ = current_license(session, employee_id)
    if license_ is None:
        raise NotFound("no_license")
    if license_.status == LicenseStatus.REDEEMED:
        return license_
    if license_.status in (LicenseStatus.ELIGIBLE, LicenseStatus.EXPIRED):
        raise Conflict("deadline_passed")
    raise Conflict("not_eligible")
