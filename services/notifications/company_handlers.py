"""Events about companies and their orders: record whom to write to, and what (account_handlers.py: accounts)."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import CompanyProfile, LicensesIssued, OrderPaid
from common.handlers import EventHandlers
from services.notifications import emails
from services.notifications.contacts import company_contact, save_company_contact

handlers = EventHandlers("notifications")


@handlers.on("company.registered")
def welcome_registered_company(session: Session, profile: CompanyProfile, event: Event) -> None:
    """Keep the representative's contact and tell them their profile exists."""
    save_company_contact(session, profile, event.occurred_at)
    # The stored contact, not the event: a later company.updated handled first has the current address.
    emails.queue_profile_created(session, company_contact(session, profile.company_id), event.id)


@handlers.on("company.updated")
def refresh_company_contact(session: Session, profile: CompanyProfile, event: Event) -> None:
    """Later e-mails go to the representative's current address, in their current language."""
    save_company_contact(session, profile, event.occurred_at)


@handlers.on("order.paid")
def send_payment_receipt(session: Session, order: OrderPaid, event: Event) -> None:
    """Raises RecipientNotKnownYet (the handler task retries) until the company's own event is handled."""
    emails.queue_payment_receipt(session, company_contact(session, order.company_id), order, event.id)


@handlers.on("licenses.issued")
def announce_codes_ready(session: Session, issued: LicensesIssued, event: Event) -> None:
    """Raises RecipientNotKnownYet (the handler task retries) until the company's own event is handled."""
    emails.queue_codes_ready(session, company_contact(session, issued.company_id), issued, event.id)
