"""Events of a certificate's life: issued, expiring, suspended, reinstated, revoked. The employee and the company
each have their own handler (see course_handlers.py).
"""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import CertificateChange
from common.handlers import EventHandlers
from services.notifications import certificate_emails
from services.notifications.contacts import company_contact, employee_contact
from services.notifications.license_handlers import require

handlers = EventHandlers("notifications")


def _tell_employee(session: Session, change: CertificateChange, event: Event, kind: str) -> None:
    certificate_emails.queue_certificate_status(session, employee_contact(session, change.employee_id), change, kind,
                                                event.id)


def _tell_company(session: Session, change: CertificateChange, event: Event, kind: str) -> None:
    certificate_emails.queue_employee_certificate_status(session, company_contact(session, change.company_id),
                                                         employee_contact(session, change.employee_id), change, kind,
                                                         event.id)


@handlers.on("certificate.issued")
def send_certificate_to_employee(session: Session, change: CertificateChange, event: Event) -> None:
    certificate_emails.queue_certificate_issued(session, employee_contact(session, change.employee_id), change,
                                                event.id)


@handlers.on("certificate.issued")
def tell_company_employee_certified(session: Session, change: CertificateChange, event: Event) -> None:
    certificate_emails.queue_employee_certified(session, company_contact(session, change.company_id),
                                                employee_contact(session, change.employee_id), change, event.id)


@handlers.on("certificate.expiring")
def remind_employee_of_certificate_expiry(session: Session, change: CertificateChange, event: Event) -> None:
    require(change, event, "days_left")
    certificate_emails.queue_certificate_expiring(session, employee_contact(session, change.employee_id), change,
                                                  event.id)


@handlers.on("certificate.expiring")
def remind_company_of_certificate_expiry(session: Session, change: CertificateChange, event: Event) -> None:
    require(change, event, "days_left")
    certificate_emails.queue_employee_certificate_expiring(session, company_contact(session, change.company_id),
                                                           employee_contact(session, change.employee_id), change,
                                                           event.id)


@handlers.on("certificate.suspended")
def tell_employee_certificate_suspended(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_employee(session, change, event, "suspended")


@handlers.on("certificate.suspended")
def tell_company_certificate_suspended(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_company(session, change, event, "suspended")


@handlers.on("certificate.reinstated")
def tell_employee_certificate_reinstated(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_employee(session, change, event, "reinstated")


@handlers.on("certificate.reinstated")
def tell_company_certificate_reinstated(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_company(session, change, event, "reinstated")


@handlers.on("certificate.revoked")
def tell_employee_certificate_revoked(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_employee(session, change, event, "revoked")


@handlers.on("certificate.revoked")
def tell_company_certificate_revoked(session: Session, change: CertificateChange, event: Event) -> None:
    _tell_company(session, change, event, "revoked")
