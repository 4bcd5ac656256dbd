"""An employee links a company's code to their account: exactly one employee wins a code, decided by the database.

The claim is one conditional UPDATE (``… WHERE code = :code AND status = 'available'``): of fifty simultaneous
claims the first to lock the row wins and the others find it no longer available. A partial unique index on the
employee of held licenses (``HELD_STATUSES``: claimed, eligible, or redeemed and not finished) refuses a second
code to an employee who holds one, whatever the interleaving.

Every answer is the truth whenever the truth is known: a typo caught by the check character is answered before the
database is touched; a code that exists and is not available (taken, expired, one's own) is answered as such even
to a requester over the guessing limits (it gives a guesser nothing); only an unknown or available code is held
back from an over-limit requester, or the throttle would be void.
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import Database
from common.refusals import Conflict, Invalid, NotFound, Refusal
from common.tokens import Actor
from services.licenses import employees
from services.licenses.codes import MalformedCode, MistypedCode, display, normalize
from services.licenses.eligibility import make_eligible
from services.licenses.history import Cause, Change, record_changes
from services.licenses.lifecycle import CLAIM
from services.licenses.models import HELD_STATUSES, Employee, License, LicenseStatus
from services.licenses.settings import Settings
from services.licenses.throttling import ClaimThrottle, TooManyGuesses


class HoldsALicense(Conflict):
    """The employee already holds a license (claimed, eligible, or redeemed and not finished): one at a time.
    What they hold is named, so the answer can say it (their own code, never another's); its facts are copied, as
    the refused transaction is rolled back."""

    def __init__(self, held: License) -> None:
        super().__init__("employee_has_license", {"code": display(held.code), "status": held.status,
                                                  "certification": held.certification})


def claim_license(db: Database, settings: Settings, actor: Actor, typed: object, client_address: str | None,
                  now: datetime | None = None) -> License:
    """Throttled claim of a typed code by the acting employee, in one transaction; raises a refusal
    (``HoldsALicense``, ``TooManyGuesses``, ...) with the reason it is refused, after committing the guess that the
    throttle counts."""
    now = now or utcnow()
    code = read_code(typed)  # a typo is no guess: answered here, never counted, the database untouched
    throttle = ClaimThrottle(settings, uuid.UUID(actor.user_id), client_address, now)
    refusal: Refusal | None = None
    with db.unit_of_work() as session:
        # Taken first: claims of one account take turns (the throttle counts them), and an approval of this
        # employee handled at the same moment waits for the claim, or the claim for it.
        employee = employees.lock(session, throttle.employee_id)
        minutes = throttle.minutes_to_wait(session)
        if minutes is not None:
            known = session.scalar(select(License).where(License.code == code))
            if known is None or known.status == LicenseStatus.AVAILABLE:
                raise TooManyGuesses(minutes)
            return _not_available(known, employee.employee_id)
        try:
            license_ = claim_code(session, employee, code, Cause.user(actor), now)
        except Refusal as error:  # refusals write nothing but their failure, committed with the locks held
            refusal = error
            throttle.record_failure(session, error.code)
    if refusal is not None:
        raise refusal
    return license_


def read_code(typed: object) -> str:
    if not isinstance(typed, str):
        raise Invalid("malformed_code", {"code": "required"})
    try:
        return normalize(typed)
    except MistypedCode:
        raise Invalid("mistyped_code", {"code": "mistyped"}) from None
    except MalformedCode:
        raise Invalid("malformed_code", {"code": "malformed"}) from None


def held_license(session: Session, employee_id: uuid.UUID) -> License | None:
    return session.scalars(select(License).where(License.employee_id == employee_id,
                                                 License.status.in_(HELD_STATUSES))).first()


def claim_code(session: Session, employee: Employee, code: str, cause: Cause, now: datetime) -> License:
    """``code`` is in its stored form (``read_code``); ``employee`` is locked (``employees.lock``) by the caller."""
    employee_id = employee.employee_id
    try:
        with session.begin_nested():
            claimed = session.scalars(
                update(License).where(License.code == code, License.status == CLAIM.source)
                .values(status=CLAIM.target, employee_id=employee_id, claimed_at=now, updated_at=now)
                .returning(License)
            ).one_or_none()
    except IntegrityError:  # uq_licenses_held_employee: this employee already holds a license
        held = held_license(session, employee_id)
        assert held is not None  # the employee's lock keeps it: a release takes that lock too
        raise HoldsALicense(held) from None
    if claimed is None:
        return _unclaimable(session, code, employee_id)
    record_changes(session, CLAIM, [Change.of(claimed)], cause, now)
    return make_eligible(session, employee, cause, now) or claimed


def _unclaimable(session: Session, code: str, employee_id: uuid.UUID) -> License:
    license_ = session.scalar(select(License).where(License.code == code))
    if license_ is None:
        raise NotFound("unknown_code")
    return _not_available(license_, employee_id)


def _not_available(license_: License, employee_id: uuid.UUID) -> License:
    """Why an existing code that is not available cannot be claimed; the employee's own code again is no error."""
    if license_.status == LicenseStatus.EXPIRED:
        raise Conflict("code_expired")
    if license_.employee_id == employee_id:
        return license_
    raise Conflict("claimed_by_someone_else")
