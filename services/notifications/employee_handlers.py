"""Events of the employee's journey, from the account to the decision on their application.

An event about an employee whose own ``employee.registered`` is not handled yet raises RecipientNotKnownYet; the
handler task retries with backoff until it is.
"""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import ApplicationApproved, ApplicationChange, ApplicationRefused, EmployeeProfile
from common.handlers import EventHandlers
from services.notifications import employee_emails, employer_emails
from services.notifications.code_links import companies_linked_at, record_refusal
from services.notifications.contacts import company_contact, employee_contact, save_employee_contact
from services.notifications.models import Refusal

handlers = EventHandlers("notifications")


@handlers.on("employee.registered")
def welcome_registered_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """Keep the employee's contact and tell them their account exists."""
    save_employee_contact(session, profile, event.occurred_at)
    # The stored contact: a later employee.updated handled first has the current address and language.
    employee_emails.queue_account_created(session, employee_contact(session, profile.employee_id), event.id)


@handlers.on("employee.updated")
def refresh_employee_contact(session: Session, profile: EmployeeProfile, event: Event) -> None:
    save_employee_contact(session, profile, event.occurred_at)


@handlers.on("application.submitted")
def confirm_application_received(session: Session, change: ApplicationChange, event: Event) -> None:
    employee_emails.queue_application_received(session, employee_contact(session, change.employee_id), change,
                                               event.id)


@handlers.on("application.documents_requested")
def ask_employee_for_documents(session: Session, change: ApplicationChange, event: Event) -> None:
    employee_emails.queue_documents_requested(session, employee_contact(session, change.employee_id), change,
                                              event.id)


@handlers.on("application.approved")
def announce_approval_to_employee(session: Session, approved: ApplicationApproved, event: Event) -> None:
    """The company hears of it from license.eligible, which only a linked code produces."""
    employee_emails.queue_application_approved(session, employee_contact(session, approved.employee_id), approved,
                                               event.id)


@handlers.on("application.refused")
def announce_refusal_to_employee(session: Session, refused: ApplicationRefused, event: Event) -> None:
    employee_emails.queue_application_refused(session, employee_contact(session, refused.employee_id), refused,
                                              event.id)


@handlers.on("application.refused")
def tell_linked_companies_of_refusal(session: Session, refused: ApplicationRefused, event: Event) -> None:
    """Each company whose code the employee had linked when refused; a link handled later catches up (code_links)."""
    # Locked: a license.claimed handler for this employee waits, then sees this refusal.
    employee = employee_contact(session, refused.employee_id, lock=True)
    record_refusal(session, refused)
    refusal = session.get(Refusal, refused.application_id)
    for company_id in companies_linked_at(session, refused.employee_id, refused.refused_at):
        employer_emails.queue_employee_refused(session, company_contact(session, company_id), employee, refusal,
                                               event.id)
