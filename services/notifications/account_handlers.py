"""Events about a person's account: the links they asked for, and notices that something changed."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import (AccountLinkRequested, AccountMail, EmailChanged, LoginAttemptsSuspected,
                                   PasswordChanged)
from common.handlers import EventHandlers
from common.links import CONFIRM_EMAIL, PASSWORD_RESET
from services.notifications import account_emails

handlers = EventHandlers("notifications")


@handlers.on("user.password_reset_requested")
def send_password_reset_link(session: Session, link: AccountLinkRequested, event: Event) -> None:
    account_emails.queue_link(session, "password_reset", link,
                              PASSWORD_RESET, event.id)


@handlers.on("user.confirmation_requested")
def send_confirmation_link(session: Session, link: AccountLinkRequested, event: Event) -> None:
    account_emails.queue_link(session, "confirm_email", link,
                              CONFIRM_EMAIL, event.id)


@handlers.on("user.registration_attempted")
def tell_of_registration_attempt(session: Session, account_mail: AccountMail, event: Event) -> None:
    account_emails.queue_registration_attempted(session, account_mail, event.id)


@handlers.on("user.email_changed")
def tell_old_address_of_change(session: Session, email_changed: EmailChanged, event: Event) -> None:
    account_emails.queue_email_changed(session, email_changed, event.id)


@handlers.on("user.password_changed")
def tell_of_password_change(session: Session, password_changed: PasswordChanged, event: Event) -> None:
    account_emails.queue_password_changed(session, password_changed, event.id)


@handlers.on("user.login_attempts_suspected")
def warn_of_login_attempts(session: Session, warning: LoginAttemptsSuspected, event: Event) -> None:
    """Any account's owner (staff too: the event carries the address), told someone is guessing its password."""
    account_emails.queue_login_warning(session, warning, event.id)
