"""What web tells its owner about an account (through notifications): each an event in the caller's outbox."""
from __future__ import annotations

from sqlalchemy.orm import Session

from common.events import new_event
from common.events.schemas import AccountMail, EmailChanged, PasswordChanged
from common.outbox import record_event
from services.web.models import Outbox, User


def _owner(user: User) -> dict:
    return {"user_id": user.id, "email": user.email, "name": user.name, "language": user.language}


def publish_email_changed(session: Session, user: User, old_email: str) -> None:
    record_event(session, Outbox, new_event("user.email_changed", EmailChanged(**_owner(user), old_email=old_email)))


def publish_password_changed(session: Session, user: User, how: str) -> None:
    record_event(session, Outbox, new_event("user.password_changed", PasswordChanged(**_owner(user), how=how)))


def publish_registration_attempted(session: Session, user: User) -> None:
    record_event(session, Outbox, new_event("user.registration_attempted", AccountMail(**_owner(user))))
