"""The certificate register: a certificate only from a passed attempt (and WSCC's sign-off where the edition asks
for one), its number, its public status, and the changes administrators make with a reason.

Numbers are 9 random symbols of the portal's code alphabet and a check character (``common/codes.py``): short to
read out and type, a mistyped character is caught, and 45 random bits keep anyone from walking the register.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import codes
from common.events import new_event
from common.events.schemas import CertificateChange as CertificateEvent
from common.outbox import record_event
from common.refusals import Conflict, Invalid, NotFound
from services.courses.enrolling import certification_of
from services.courses.models import (Attempt, Certificate, CertificateChange, CertificateStatus, Employee,
                                     Enrolment, EnrolmentStatus, Outbox, Signoff)

RANDOM_LENGTH = 9
NUMBER_LENGTH = RANDOM_LENGTH + 1
GROUP = 5


def display(number: str) -> str:
    return codes.grouped(number, GROUP)


def normalize(typed: str) -> str:
    """The stored form of a typed number; MalformedCode or MistypedCode when it cannot be one."""
    return codes.normalize(typed, NUMBER_LENGTH)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def issue_if_due(session: Session, enrolment: Enrolment, now: datetime) -> Certificate | None:
    """Issue the certificate of a passed enrolment once nothing stands in the way: the sign-off where the edition
    asks for one, and the holder's name (known from web's events). Safe to call again: it issues once."""
    if enrolment.status not in (EnrolmentStatus.PASSED, EnrolmentStatus.AWAITING_SIGNOFF):
        return None
    signoff = session.get(Signoff, enrolment.id)
    if enrolment.edition.signoff_required and (signoff is None or signoff.decided_at is None):
        return None
    employee = session.get(Employee, enrolment.employee_id)
    if employee is None or not employee.name:
        enrolment.status = EnrolmentStatus.PASSED
        return None  # employee.registered will bring the name, and its handler calls this again
    passed = session.scalars(select(Attempt).where(Attempt.enrolment_id == enrolment.id, Attempt.passed.is_(True))
                             .order_by(Attempt.number)).first()
    if passed is None:
        raise AssertionError("a certificate needs a passed attempt")
    certificate = _new_certificate(session, enrolment, passed, employee.name, now,
                                   signoff.decided_by if signoff else None)
    enrolment.status, enrolment.finished_at = EnrolmentStatus.CERTIFIED, now
    announce(session, "certificate.issued", certificate, enrolment, now)
    return certificate


def _new_certificate(session: Session, enrolment: Enrolment, attempt: Attempt, name: str, now: datetime,
                     signed_off_by: uuid.UUID | None) -> Certificate:
    for _ in range(5):  # 2^45 numbers: a collision is rare, and the primary key catches it (as it does two
        # certificates issued at once taking the same next status index)
        index = session.scalar(select(func.coalesce(func.max(Certificate.status_index), -1) + 1))
        certificate = Certificate(
            status_index=index,
            number=codes.random_code(RANDOM_LENGTH), enrolment_id=enrolment.id, employee_id=enrolment.employee_id,
            company_id=enrolment.company_id, holder_name=name, certification_code=enrolment.certification_code,
            attempt_id=attempt.id, issued_at=now,
            expires_at=add_months(now, enrolment.edition.certificate_valid_months), status=CertificateStatus.VALID,
            signed_off_by=signed_off_by)
        try:
            with session.begin_nested():
                session.add(certificate)
                session.flush()
            return certificate
        except IntegrityError:
            continue
    raise RuntimeError("no free certificate number after 5 draws")


def announce(session: Session, event_type: str, certificate: Certificate, enrolment: Enrolment, now: datetime,
             *, days_left: int | None = None) -> None:
    record_event(session, Outbox, new_event(event_type, CertificateEvent(
        number=certificate.number, enrolment_id=enrolment.id, license_id=enrolment.license_id,
        company_id=enrolment.company_id, employee_id=enrolment.employee_id,
        certification=certification_of(enrolment), at=now, issued_at=certificate.issued_at,
        expires_at=certificate.expires_at, status=certificate.status, reason=certificate.status_reason,
        days_left=days_left)))


def can_be_shown(certificate: Certificate) -> bool:
    """Whether its holder may print it or hand it to a wallet: not while it is suspended, nor once revoked (an
    expired one stays printable: its dates say it is over, as its verification page does)."""
    return certificate.status == CertificateStatus.VALID


def public_status(certificate: Certificate, now: datetime) -> str:
    """valid, expired, suspended or revoked: expiry is a matter of the date, never a stored state."""
    if certificate.status != CertificateStatus.VALID:
        return certificate.status
    return "expired" if now >= certificate.expires_at else "valid"


def find(session: Session, typed_number: str) -> tuple[Certificate, Enrolment]:
    """The certificate a typed number names (any case, with or without its dashes), and its enrolment."""
    try:
        number = normalize(typed_number)
    except codes.MistypedCode:
        raise Invalid("mistyped_number", {"number": "mistyped"}) from None
    except codes.MalformedCode:
        raise Invalid("malformed_number", {"number": "malformed"}) from None
    row = session.execute(select(Certificate, Enrolment).join(Enrolment, Enrolment.id == Certificate.enrolment_id)
                          .where(Certificate.number == number)).first()
    if row is None:
        raise NotFound("no_such_certificate")
    return row[0], row[1]


def history(session: Session, certificate: Certificate) -> list[CertificateChange]:
    """Every status change of a certificate, oldest first."""
    return list(session.scalars(select(CertificateChange)
                                .where(CertificateChange.certificate_number == certificate.number)
                                .order_by(CertificateChange.changed_at, CertificateChange.id)))


def verification(session: Session, typed_number: str, now: datetime) -> dict:
    """What anyone may learn of a certificate by its number: its status and dates, and the holder's name only."""
    certificate, enrolment = find(session, typed_number)
    return {"number": certificate.number, "display_number": display(certificate.number),
            "holder_name": certificate.holder_name,
            "certification": certification_of(enrolment).model_dump(),
            "issued_at": certificate.issued_at.isoformat(), "expires_at": certificate.expires_at.isoformat(),
            "status": public_status(certificate, now),
            "status_changed_at": certificate.status_changed_at and certificate.status_changed_at.isoformat()}


TRANSITIONS = {
    "suspend": (CertificateStatus.VALID, CertificateStatus.SUSPENDED, "certificate.suspended"),
    "reinstate": (CertificateStatus.SUSPENDED, CertificateStatus.VALID, "certificate.reinstated"),
    "revoke": (None, CertificateStatus.REVOKED, "certificate.revoked"),
}


def change_status(session: Session, number: str, action: str, reason: str, by: uuid.UUID, now: datetime) -> Certificate:
    """Suspend a valid certificate, reinstate a suspended one, or revoke one for good; always with a reason."""
    if action not in TRANSITIONS:
        raise Invalid("unknown_action", {"action": "unknown"})
    if not (reason or "").strip():
        raise Invalid("reason_required", {"reason": "required"})
    certificate = session.scalars(select(Certificate).where(Certificate.number == number).with_for_update()
                                  .execution_options(populate_existing=True)).first()
    if certificate is None:
        raise NotFound("not_found")
    before, after, event_type = TRANSITIONS[action]
    if certificate.status == CertificateStatus.REVOKED or (before is not None and certificate.status != before):
        raise Conflict("certificate_status_conflict", {"status": certificate.status})
    certificate.status, certificate.status_changed_at, certificate.status_reason = after, now, reason.strip()
    session.add(CertificateChange(certificate_number=number, status=after, reason=reason.strip(), changed_by=by,
                                  changed_at=now))
    announce(session, event_type, certificate, session.get(Enrolment, certificate.enrolment_id), now)
    return certificate


def due_reminders(session: Session, now: datetime, reminder_days: list[int], limit: int) -> int:
    """certificate.expiring at each valid certificate's latest reminder point not yet sent; idempotent."""
    sent = 0
    for days in sorted(reminder_days, reverse=True):
        rows = session.scalars(
            select(Certificate).where(Certificate.status == CertificateStatus.VALID,
                                      Certificate.expires_at > now,
                                      Certificate.expires_at <= now + timedelta(days=days),
                                      (Certificate.reminded_days.is_(None)) | (Certificate.reminded_days > days))
            .order_by(Certificate.expires_at).limit(limit - sent).with_for_update(skip_locked=True)).all()
        for certificate in rows:
            closest = min(point for point in reminder_days if certificate.expires_at <= now + timedelta(days=point))
            certificate.reminded_days = closest
            left = max(0, (certificate.expires_at - now).days)
            announce(session, "certificate.expiring", certificate, session.get(Enrolment, certificate.enrolment_id),
                     now, days_left=left)
            sent += 1
        if sent >= limit:
            break
    return sent
