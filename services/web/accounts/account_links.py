"""The links web sends by e-mail: a row per link (whose, what for, until when, used or not), announced by its id.

The token in the e-mail is derived from the id with the link secret (common/links.py), by notifications when it
writes the e-mail and here when the link comes back: no token is stored, published or logged anywhere.
"""
from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events import new_event
from common.events.schemas import AccountLinkRequested
from common.links import link_id_from_token
from common.outbox import record_event
from services.web.models import AccountLink, Outbox, User

# The event announcing each kind of link.
LINK_EVENTS = {"password_reset": "user.password_reset_requested", "confirm_email": "user.confirmation_requested"}


def send_link(session: Session, user: User, purpose: str, max_age_minutes: int) -> AccountLink:
    """A new link for ``user``, announced (its id only) in the outbox of the caller's unit of work."""
    now = utcnow()
    link = AccountLink(id=uuid.uuid4(), user_id=user.id, purpose=purpose, created_at=now,
                       expires_at=now + timedelta(minutes=max_age_minutes))
    session.add(link)
    session.flush()
    record_event(session, Outbox, new_event(LINK_EVENTS[purpose], AccountLinkRequested(
        user_id=user.id, link_id=link.id, email=user.email, name=user.name, language=user.language,
        expires_in_minutes=max_age_minutes)))
    return link


def open_link(session: Session, secret: str, purpose: str, token: str) -> AccountLink | None:
    """The link this token opens if it is genuine, for ``purpose``, unused and unexpired; locked until commit, so
    two uses of one link at once cannot both succeed."""
    link_id = link_id_from_token(secret, purpose, token)
    if link_id is None:
        return None
    link = session.scalar(select(AccountLink).where(AccountLink.id == link_id).with_for_update())
    if link is None or link.purpose != purpose or link.used_at is not None or link.expires_at <= utcnow():
        return None
    return link


def retire_links(session: Session, user: User, purpose: str) -> None:
    """Every unused link of this kind for ``user`` stops working (the one just followed included)."""
    session.execute(update(AccountLink).where(AccountLink.user_id == user.id, AccountLink.purpose == purpose,
                                              AccountLink.used_at.is_(None)).values(used_at=utcnow()))
