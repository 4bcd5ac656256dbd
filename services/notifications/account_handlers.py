"""Events about a person's account: the links they asked for, and notices that something changed."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import AccountLinkRequested, AccountMail, EmailChanged, PasswordChanged
from common.handlers import EventHandlers
from common.links import CONFIRM_EMAIL, PASSWORD_RESET
from services.notifications import account_emails

handlers = EventHandlers("notifications")


@handlers.on("user.password_reset_requested")
def send_password_reset_link(session: Session, event: Event) -> None:
    account_emails.queue_link(session, "password_reset", AccountLinkRequested.model_validate(event.data),
                              PASSWORD_RESET, event.id)


@handlers.on("user.confirmation_requested")
def send_confirmation_link(session: Session, event: Event) -> None:
    account_emails.queue_link(session, "confirm_email", AccountLinkRequested.model_validate(event.data),
                              CONFIRM_EMAIL, event.id)


@handlers.on("user.registration_attempted")
def tell_of_registration_attempt(session: Session, event: Event) -> None:
    account_emails.queue_registration_attempted(session, AccountMail.model_validate(event.data), event.id)


@handlers.on("user.email_changed")
def tell_old_address_of_change(session: Session, event: Event) -> None:
    account_emails.queue_email_changed(session, EmailChanged.model_validate(event.data), event.id)


@handlers.on("user.password_changed")
def tell_of_password_change(session: Session, event: Event) -> None:
    account_emails.queue_password_changed(session, PasswordChanged.model_validate(event.data), event.id)
