"""Events about companies, their orders, password resets and sign-in warnings: record whom to write to, and what."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import (CompanyProfile, LicensesIssued, LoginAttemptsSuspected, OrderPaid,
                                   PasswordResetRequested)
from common.handlers import EventHandlers
from services.notifications import emails
from services.notifications.contacts import company_contact, save_company_contact

handlers = EventHandlers("notifications")


@handlers.on("company.registered")
def welcome_registered_company(session: Session, event: Event) -> None:
    """Keep the representative's contact and tell them their profile exists."""
    profile = CompanyProfile.model_validate(event.data)
    save_company_contact(session, profile, event.occurred_at)
    # The stored contact, not the event: a later company.updated handled first has the current address.
    emails.queue_profile_created(session, company_contact(session, profile.company_id), event.id)


@handlers.on("company.updated")
def refresh_company_contact(session: Session, event: Event) -> None:
    """Later e-mails go to the representative's current address, in their current language."""
    save_company_contact(session, CompanyProfile.model_validate(event.data), event.occurred_at)


@handlers.on("user.password_reset_requested")
def send_password_reset_link(session: Session, event: Event) -> None:
    emails.queue_password_reset(session, PasswordResetRequested.model_validate(event.data), event.id)


@handlers.on("user.login_attempts_suspected")
def warn_of_login_attempts(session: Session, event: Event) -> None:
    """Any account's owner (staff too: the event carries the address), told someone is guessing its password."""
    emails.queue_login_warning(session, LoginAttemptsSuspected.model_validate(event.data), event.id)


@handlers.on("order.paid")
def send_payment_receipt(session: Session, event: Event) -> None:
    """Raises RecipientNotKnownYet (the handler task retries) until the company's own event is handled."""
    order = OrderPaid.model_validate(event.data)
    emails.queue_payment_receipt(session, company_contact(session, order.company_id), order, event.id)


@handlers.on("licenses.issued")
def announce_codes_ready(session: Session, event: Event) -> None:
    """Raises RecipientNotKnownYet (the handler task retries) until the company's own event is handled."""
    issued = LicensesIssued.model_validate(event.data)
    emails.queue_codes_ready(session, company_contact(session, issued.company_id), issued, event.id)
