"""The e-mails to an employee (candidate): their account, their application, and their license
(course_emails.py and certificate_emails.py queue the rest through ``queue_to_employee``).

Each links to one of the employee's own pages. Keys name the business fact and the employee, so a duplicate event,
or the same fact sent again under a new event id, is recorded once.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common.events.schemas import ApplicationApproved, ApplicationChange, ApplicationRefused, LicenseChange
from services.notifications.models import EmployeeContact
from services.notifications.queueing import queue_email
from services.notifications.recipients import EMPLOYEE_PAGE, employee, instant_key


def queue_to_employee(session: Session, contact: EmployeeContact, key: str, template: str, event_id: uuid.UUID, *,
                      page: str = EMPLOYEE_PAGE, **context) -> bool:
    """Keyed by the fact and the employee; its link (``portal_url``, a path until the e-mail is written) opens ``page``."""
    return queue_email(session, key=f"{key}:{contact.employee_id}", template=template, recipient=employee(contact),
                       event_id=event_id, context=context | {"portal_url": page})


def queue_account_created(session: Session, contact: EmployeeContact, event_id: uuid.UUID) -> bool:
    return queue_to_employee(session, contact, "account_created", "account_created", event_id)


def queue_application_received(session: Session, contact: EmployeeContact, change: ApplicationChange,
                               event_id: uuid.UUID) -> bool:
    # Keyed by the submission's time too: an application sent again with more documents is received again.
    key = f"application_received:{change.application_id}:{instant_key(change.at)}"
    return queue_to_employee(session, contact, key, "application_received", event_id,
                             certification=change.certification.model_dump(mode="json"))


def queue_documents_requested(session: Session, contact: EmployeeContact, change: ApplicationChange,
                              event_id: uuid.UUID) -> bool:
    key = f"documents_requested:{change.application_id}:{instant_key(change.at)}"
    return queue_to_employee(session, contact, key, "documents_requested", event_id,
                             certification=change.certification.model_dump(mode="json"), message=change.message or "")


def queue_application_approved(session: Session, contact: EmployeeContact, approved: ApplicationApproved,
                               event_id: uuid.UUID) -> bool:
    return queue_to_employee(session, contact, f"application_approved:{approved.application_id}",
                             "application_approved", event_id,
                             certification=approved.certification.model_dump(mode="json"),
                             redeem_by=approved.redeem_by.isoformat())


def queue_application_refused(session: Session, contact: EmployeeContact, refused: ApplicationRefused,
                              event_id: uuid.UUID) -> bool:
    return queue_to_employee(session, contact, f"application_refused:{refused.application_id}",
                             "application_refused", event_id,
                             certification=refused.certification.model_dump(mode="json"), reason=refused.reason)


def _license_context(change: LicenseChange) -> dict:
    return {"certification": change.certification.model_dump(mode="json"),
            "redeem_by": change.redeem_by.isoformat() if change.redeem_by else None}


def queue_deadline_reminder(session: Session, contact: EmployeeContact, change: LicenseChange,
                            event_id: uuid.UUID) -> bool:
    # The deadline is in the key: a reinstated license earns the 30/7/1-day reminders again for its new deadline.
    key = f"license_expiring:{change.license_id}:{instant_key(change.redeem_by)}:{change.days_left}"
    return queue_to_employee(session, contact, key, "license_expiring", event_id, days_left=change.days_left,
                             **_license_context(change))


def queue_license_expired(session: Session, contact: EmployeeContact, change: LicenseChange,
                          event_id: uuid.UUID) -> bool:
    key = f"license_expired:{change.license_id}:{instant_key(change.redeem_by)}"
    return queue_to_employee(session, contact, key, "license_expired", event_id, **_license_context(change))


def queue_license_reinstated(session: Session, contact: EmployeeContact, change: LicenseChange,
                             event_id: uuid.UUID) -> bool:
    key = f"license_reinstated:{change.license_id}:{instant_key(change.redeem_by)}"
    return queue_to_employee(session, contact, key, "license_reinstated", event_id, **_license_context(change))


def queue_code_released(session: Session, contact: EmployeeContact, change: LicenseChange,
                        event_id: uuid.UUID) -> bool:
    # Keyed by the release's time: a code released, linked again by the same employee and released again is told
    # twice, a duplicate event once.
    key = f"license_released:{change.license_id}:{instant_key(change.at)}"
    return queue_to_employee(session, contact, key, "license_released", event_id)
