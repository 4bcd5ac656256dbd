"""The e-mails to a company about its employees: a code linked, approved or refused, used, reminders, expired,
released (course_emails.py and certificate_emails.py queue the rest through ``queue_to_company``). They go to the
representative and link to MANAGE LICENSES; never the code, never the employee's documents or the reason of a
refusal (those are the employee's own).
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common.events.schemas import Certification, LicenseChange
from services.notifications.models import CompanyContact, EmployeeContact, Refusal
from services.notifications.queueing import queue_email
from services.notifications.recipients import LICENSES_PAGE, instant_key, representative


def queue_to_company(session: Session, company: CompanyContact, employee: EmployeeContact, key: str, template: str,
                     event_id: uuid.UUID, **context) -> bool:
    """Keyed by the fact and the company; names the employee and links to MANAGE LICENSES."""
    return queue_email(session, key=f"{key}:{company.company_id}", template=template,
                       recipient=representative(company), event_id=event_id,
                       context=context | {"employee_name": employee.name, "licenses_url": LICENSES_PAGE})


def _certification(certification: Certification | dict | None) -> dict | None:
    if certification is None or isinstance(certification, dict):
        return certification
    return certification.model_dump(mode="json")


def queue_code_linked(session: Session, company: CompanyContact, employee: EmployeeContact, change: LicenseChange,
                      event_id: uuid.UUID) -> bool:
    # A released code can be linked again, even by the same employee: the claim's time tells the links apart.
    key = f"code_linked:{change.license_id}:{change.employee_id}:{instant_key(change.at)}"
    return queue_to_company(session, company, employee, key, "employee_linked_code", event_id)


def queue_employee_approved(session: Session, company: CompanyContact, employee: EmployeeContact,
                            change: LicenseChange, event_id: uuid.UUID) -> bool:
    key = f"employee_approved:{change.license_id}:{instant_key(change.redeem_by)}"
    return queue_to_company(session, company, employee, key, "employee_approved", event_id,
                            certification=_certification(change.certification),
                            redeem_by=change.redeem_by.isoformat())


def queue_employee_refused(session: Session, company: CompanyContact, employee: EmployeeContact, refusal: Refusal,
                           event_id: uuid.UUID) -> bool:
    key = f"employee_refused:{refusal.application_id}"
    return queue_to_company(session, company, employee, key, "employee_refused", event_id,
                            certification=_certification(refusal.certification))


def queue_employee_redeemed(session: Session, company: CompanyContact, employee: EmployeeContact,
                            change: LicenseChange, event_id: uuid.UUID) -> bool:
    key = f"license_redeemed:{change.license_id}"
    return queue_to_company(session, company, employee, key, "employee_redeemed", event_id,
                            certification=_certification(change.certification))


def queue_deadline_reminder(session: Session, company: CompanyContact, employee: EmployeeContact,
                            change: LicenseChange, event_id: uuid.UUID) -> bool:
    # The deadline is in the key: a reinstated license earns the reminders again for its new deadline.
    key = f"license_expiring:{change.license_id}:{instant_key(change.redeem_by)}:{change.days_left}"
    return queue_to_company(session, company, employee, key, "employee_license_expiring", event_id,
                            certification=_certification(change.certification),
                            redeem_by=change.redeem_by.isoformat(), days_left=change.days_left)


def queue_license_expired(session: Session, company: CompanyContact, employee: EmployeeContact,
                          change: LicenseChange, event_id: uuid.UUID) -> bool:
    key = f"license_expired:{change.license_id}:{instant_key(change.redeem_by)}"
    return queue_to_company(session, company, employee, key, "employee_license_expired", event_id,
                            certification=_certification(change.certification),
                            redeem_by=change.redeem_by.isoformat())


def queue_code_released(session: Session, company: CompanyContact, employee: EmployeeContact,
                        change: LicenseChange, event_id: uuid.UUID) -> bool:
    key = f"code_released:{change.license_id}:{instant_key(change.at)}"
    return queue_to_company(session, company, employee, key, "code_released", event_id)
