"""E-mails about a person's account: links (reset a password, confirm an address) and notices of changes.

A link's context holds only the id of the front door's link row; the link itself is derived when the e-mail is
written (``with_links``), so no token sits in this service's tables, in a task argument or in a log line.
"""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from common.events.schemas import (AccountLinkRequested, AccountMail, EmailChanged, LoginAttemptsSuspected,
                                   PasswordChanged)
from common.links import link_url
from services.notifications.queueing import Recipient, queue_email
from services.notifications.settings import Settings

LOGIN_PAGE = "/login"
FORGOT_PASSWORD_PAGE = "/password/forgot"


def _owner(mail: AccountMail, email: str | None = None) -> Recipient:
    return Recipient(email=email or str(mail.email), name=mail.name, language=mail.language)


def queue_link(session: Session, template: str, request: AccountLinkRequested, purpose: str,
               event_id: uuid.UUID) -> bool:
    # Keyed by the link: each request has its own link, and deserves its own e-mail.
    return queue_email(session, key=f"{template}:{request.link_id}", template=template, recipient=_owner(request),
                       event_id=event_id, context={"link": {"purpose": purpose, "id": str(request.link_id)},
                                                   "expires_in_minutes": request.expires_in_minutes})


def queue_registration_attempted(session: Session, mail: AccountMail, event_id: uuid.UUID) -> bool:
    return queue_email(session, key=f"registration_attempted:{event_id}", template="registration_attempted",
                       recipient=_owner(mail), event_id=event_id,
                       context={"login_url": LOGIN_PAGE, "forgot_password_url": FORGOT_PASSWORD_PAGE})


def queue_email_changed(session: Session, change: EmailChanged, event_id: uuid.UUID) -> bool:
    # To the address being replaced: if the change was not its owner's doing, that is where they will see it.
    return queue_email(session, key=f"email_changed:{event_id}", template="email_changed",
                       recipient=_owner(change, str(change.old_email)), event_id=event_id,
                       context={"new_email": str(change.email)})


def queue_password_changed(session: Session, change: PasswordChanged, event_id: uuid.UUID) -> bool:
    return queue_email(session, key=f"password_changed:{event_id}", template="password_changed",
                       recipient=_owner(change), event_id=event_id,
                       context={"how": change.how, "forgot_password_url": FORGOT_PASSWORD_PAGE})



def queue_login_warning(session: Session, warning: LoginAttemptsSuspected, event_id: uuid.UUID) -> bool:
    # The front door publishes at most one per account and hour; keyed by the event, a redelivery is one e-mail.
    return queue_email(session, key=f"login_attempts_suspected:{event_id}", template="login_attempts_suspected",
                       recipient=_owner(warning), event_id=event_id,
                       context={"failed_attempts": warning.failed_attempts, "window_minutes": warning.window_minutes,
                                "at": warning.at.isoformat(), "reset_url": FORGOT_PASSWORD_PAGE})


def with_links(context: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The context as the template needs it: a link's id becomes its address (``link_url``), at sending time."""
    link = context.get("link")
    if not link:
        return context
    url = link_url(settings.public_url, settings.link_secret.get_secret_value(), link["purpose"],
                   uuid.UUID(link["id"]))
    return {**context, "link_url": url}
