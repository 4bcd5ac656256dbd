"""An employee links a company's code to their account: exactly one employee wins a code, decided by the database.

The claim is one conditional UPDATE (``… WHERE code = :code AND status = 'available'``): of fifty simultaneous
claims the first to lock the row wins and the others find it no longer available. A partial unique index on the
employee of live licenses refuses a second live license to the same employee, whatever the interleaving.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import Database
from common.http import ApiError
from common.tokens import Actor
from services.licenses import employees
from services.licenses.codes import MalformedCode, MistypedCode, normalize
from services.licenses.eligibility import make_eligible
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import CLAIM
from services.licenses.models import Employee, License, LicenseStatus
from services.licenses.settings import Settings
from services.licenses.throttling import ClaimThrottle


def claim_license(db: Database, settings: Settings, actor: Actor, typed: object, client_address: str | None,
                  now: datetime | None = None) -> License:
    """Throttled claim of a typed code by the acting employee, in one transaction; raises ApiError with the
    reason it is refused, after committing the failure that the throttle counts."""
    now = now or utcnow()
    throttle = ClaimThrottle(settings, uuid.UUID(actor.user_id), client_address, now)
    refusal: ApiError | None = None
    with db.unit_of_work() as session:
        # Taken first: claims of one account take turns (the throttle counts them), and an approval of this
        # employee handled at the same moment waits for the claim, or the claim for it.
        employee = employees.lock(session, throttle.employee_id)
        throttle.refuse_if_over(session)
        try:
            license_ = claim_code(session, employee, typed, Cause.user(actor), now)
        except ApiError as error:  # refusals write nothing but their failure, committed with the locks held
            refusal = error
            throttle.record_failure(session, error.code)
    if refusal is not None:
        raise refusal
    return license_


def read_code(typed: object) -> str:
    if not isinstance(typed, str):
        raise ApiError(422, "malformed_code", {"code": "required"})
    try:
        return normalize(typed)
    except MistypedCode:
        raise ApiError(422, "mistyped_code", {"code": "mistyped"}) from None
    except MalformedCode:
        raise ApiError(422, "malformed_code", {"code": "malformed"}) from None


def claim_code(session: Session, employee: Employee, typed: object, cause: Cause, now: datetime) -> License:
    """``employee`` is locked (``employees.lock``) by the caller."""
    code = read_code(typed)
    employee_id = employee.employee_id
    try:
        with session.begin_nested():
            claimed = session.scalars(
                update(License).where(License.code == code, License.status == CLAIM.source)
                .values(status=CLAIM.target, employee_id=employee_id, claimed_at=now, updated_at=now)
                .returning(License)
            ).one_or_none()
    except IntegrityError:  # uq_licenses_live_employee: this employee already holds a live license
        raise ApiError(409, "employee_has_license") from None
    if claimed is None:
        return _unclaimable(session, code, employee_id)
    record_changes(session, CLAIM, [Change.of(claimed)], cause, now)
    return make_eligible(session, employee, cause, now) or claimed


def _unclaimable(session: Session, code: str, employee_id: uuid.UUID) -> License:
    """Why the code could not be claimed; the employee's own code again is no error."""
    license_ = session.scalar(select(License).where(License.code == code))
    if license_ is None:
        raise ApiError(404, "unknown_code")
    if license_.status == LicenseStatus.EXPIRED:
        raise ApiError(409, "code_expired")
    if license_.employee_id == employee_id:
        return license_
    raise ApiError(409, "claimed_by_someone_else")
