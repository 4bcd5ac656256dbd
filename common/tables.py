"""Every service's declarative base, each with its own metadata, and its outbox and inbox tables."""
from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from common.db import TYPE_ANNOTATION_MAP
from common.inbox import InboxMixin
from common.outbox import OutboxMixin


def service_tables() -> tuple[type[DeclarativeBase], type[OutboxMixin], type[InboxMixin]]:
    """``Base, Outbox, Inbox = service_tables()`` at the top of a service's models.py."""

    class Base(DeclarativeBase):
        type_annotation_map = TYPE_ANNOTATION_MAP

    class Outbox(OutboxMixin, Base):
        __tablename__ = "outbox"

    class Inbox(InboxMixin, Base):
        __tablename__ = "inbox"

    return Base, Outbox, Inbox
