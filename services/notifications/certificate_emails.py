"""The e-mails about a certificate: issued, expiring, suspended, reinstated, revoked. To the employee, linking to
their certificates page (the PDF); to their company, linking to MANAGE LICENSES.

The number is public (printed on the certificate, it opens the verification page), so both are told it. The reason
an administrator gives for a suspension, a reinstatement or a revocation goes to the employee only: it may be
personal (a health matter, a dispute), and the company needs only the status, which the public page shows anyway.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common import codes
from common.events.schemas import CertificateChange
from services.notifications.employee_emails import queue_to_employee
from services.notifications.employer_emails import queue_to_company
from services.notifications.models import CompanyContact, EmployeeContact
from services.notifications.recipients import CERTIFICATES_PAGE, VERIFY_PAGE, instant_key

NUMBER_GROUP = 5  # written as the certificate prints it: XXXXX-XXXXX


def _certificate(change: CertificateChange) -> dict:
    return {"certification": change.certification.model_dump(mode="json"),
            "number": codes.grouped(change.number, NUMBER_GROUP),
            "verify_url": VERIFY_PAGE.format(number=change.number),
            "issued_at": change.issued_at.isoformat(), "expires_at": change.expires_at.isoformat()}


def _to_employee(session: Session, contact: EmployeeContact, key: str, template: str, change: CertificateChange,
                 event_id: uuid.UUID, **context) -> bool:
    return queue_to_employee(session, contact, key, template, event_id, page=CERTIFICATES_PAGE,
                             **_certificate(change), **context)


def _to_company(session: Session, company: CompanyContact, employee: EmployeeContact, key: str, template: str,
                change: CertificateChange, event_id: uuid.UUID, **context) -> bool:
    return queue_to_company(session, company, employee, key, template, event_id, **_certificate(change), **context)


def _reminder_key(change: CertificateChange) -> str:
    # The expiry is in the key, should a certificate's date ever move; each reminder point has its days left.
    return f"certificate_expiring:{change.number}:{instant_key(change.expires_at)}:{change.days_left}"


def _status_key(change: CertificateChange, kind: str) -> str:
    # Keyed by the change's time: a certificate suspended, reinstated and suspended again is told each time.
    return f"certificate_{kind}:{change.number}:{instant_key(change.at)}"


def queue_certificate_issued(session: Session, contact: EmployeeContact, change: CertificateChange,
                             event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"certificate_issued:{change.number}", "certificate_issued", change,
                        event_id)


def queue_certificate_expiring(session: Session, contact: EmployeeContact, change: CertificateChange,
                               event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, _reminder_key(change), "certificate_expiring", change, event_id,
                        days_left=change.days_left)


def queue_certificate_status(session: Session, contact: EmployeeContact, change: CertificateChange, kind: str,
                             event_id: uuid.UUID) -> bool:
    """``kind``: suspended, reinstated or revoked (the template ``certificate_<kind>``), with the reason."""
    return _to_employee(session, contact, _status_key(change, kind), f"certificate_{kind}", change, event_id,
                        reason=change.reason or "")


def queue_employee_certified(session: Session, company: CompanyContact, employee: EmployeeContact,
                             change: CertificateChange, event_id: uuid.UUID) -> bool:
    return _to_company(session, company, employee, f"certificate_issued:{change.number}", "employee_certified",
                       change, event_id)


def queue_employee_certificate_expiring(session: Session, company: CompanyContact, employee: EmployeeContact,
                                        change: CertificateChange, event_id: uuid.UUID) -> bool:
    return _to_company(session, company, employee, _reminder_key(change), "employee_certificate_expiring", change,
                       event_id, days_left=change.days_left)


def queue_employee_certificate_status(session: Session, company: CompanyContact, employee: EmployeeContact,
                                      change: CertificateChange, kind: str, event_id: uuid.UUID) -> bool:
    """The status only, never the reason: see the module's docstring."""
    return _to_company(session, company, employee, _status_key(change, kind), f"employee_certificate_{kind}",
                       change, event_id)
