"""Events of a license's life once a company handed its code out: linked, approved, used (the course it opens:
course_handlers.py), reminders, expired, reinstated, released. The employee and the company each have their own
handler, so one not known yet does not hold up the other's e-mail (RecipientNotKnownYet: the handler task retries
until their profile event is handled).
"""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import EventData, LicenseChange
from common.handlers import EventHandlers, PermanentEventError
from services.notifications import employee_emails, employer_emails
from services.notifications.code_links import refusals_since, save_code_link
from services.notifications.contacts import company_contact, employee_contact

handlers = EventHandlers("notifications")


def require(change: EventData, event: Event, *needed: str) -> None:
    """The fields (optional in the shared schema) that this e-mail cannot do without."""
    missing = [name for name in needed if getattr(change, name) is None]
    if missing:
        raise PermanentEventError(f"{event.type} {event.id} lacks {', '.join(missing)}")


@handlers.on("license.claimed")
def tell_company_code_linked(session: Session, change: LicenseChange, event: Event) -> None:
    # Locked: a refusal handler for this employee waits, then sees this link (or this one sees the refusal).
    employee = employee_contact(session, change.employee_id, lock=True)
    company = company_contact(session, change.company_id)
    save_code_link(session, change, linked=True)
    employer_emails.queue_code_linked(session, company, employee, change, event.id)
    # A refusal decided after this link but handled before it: the company is told now.
    for refusal in refusals_since(session, change.employee_id, change.at):
        employer_emails.queue_employee_refused(session, company, employee, refusal, event.id)


@handlers.on("license.released")
def confirm_code_released(session: Session, change: LicenseChange, event: Event) -> None:
    employee = employee_contact(session, change.employee_id, lock=True)
    save_code_link(session, change, linked=False)
    employer_emails.queue_code_released(session, company_contact(session, change.company_id), employee, change,
                                        event.id)


@handlers.on("license.released")
def tell_employee_code_released(session: Session, change: LicenseChange, event: Event) -> None:
    """The employee whose code the company took back, in their language (their own handler: see the module)."""
    employee_emails.queue_code_released(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.eligible")
def tell_company_employee_approved(session: Session, change: LicenseChange, event: Event) -> None:
    """The employee heard of the approval from application.approved."""
    require(change, event, "redeem_by", "certification")
    employer_emails.queue_employee_approved(session, company_contact(session, change.company_id),
                                            employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.redeemed")
def tell_company_license_redeemed(session: Session, change: LicenseChange, event: Event) -> None:
    """The employee hears from course.opened, which knows when their access ends."""
    require(change, event, "certification")
    employer_emails.queue_employee_redeemed(session, company_contact(session, change.company_id),
                                            employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.expiring")
def remind_employee_of_deadline(session: Session, change: LicenseChange, event: Event) -> None:
    require(change, event, "redeem_by", "days_left", "certification")
    employee_emails.queue_deadline_reminder(session, employee_contact(session, change.employee_id), change,
                                            event.id)


@handlers.on("license.expiring")
def remind_company_of_deadline(session: Session, change: LicenseChange, event: Event) -> None:
    require(change, event, "redeem_by", "days_left", "certification")
    employer_emails.queue_deadline_reminder(session, company_contact(session, change.company_id),
                                            employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.expired")
def tell_employee_license_expired(session: Session, change: LicenseChange, event: Event) -> None:
    require(change, event, "redeem_by", "certification")
    employee_emails.queue_license_expired(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.expired")
def tell_company_license_expired(session: Session, change: LicenseChange, event: Event) -> None:
    require(change, event, "redeem_by", "certification")
    employer_emails.queue_license_expired(session, company_contact(session, change.company_id),
                                          employee_contact(session, change.employee_id), change, event.id)


@handlers.on("license.reinstated")
def tell_employee_license_reinstated(session: Session, change: LicenseChange, event: Event) -> None:
    require(change, event, "redeem_by", "certification")
    employee_emails.queue_license_reinstated(session, employee_contact(session, change.employee_id), change,
                                             event.id)
