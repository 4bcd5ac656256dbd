"""The front door's tables: people and their companies (web owns identity), their sessions, and the outbox."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from common.tables import service_tables


# Web consumes no events yet; its inbox is kept so every service has the same shape.
Base, Outbox, Inbox = service_tables()


class Role(StrEnum):
    COMPANY = "company"
    EMPLOYEE = "employee"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    legal_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    mailing_address: Mapped[str] = mapped_column(String(500))
    employer_account_number: Mapped[str | None] = mapped_column(String(40))
    site: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(254))
    # The address trimmed and lower-cased: unique, so one person cannot register twice by changing its case.
    email_normalized: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    # An employee's own phone; a representative's is the company's, staff have none.
    phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"), index=True)
    # Set when an administrator chose the password (a new staff account): the owner must replace it first.
    password_change_required: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]
    # None until the owner follows the link sent to the address: an unconfirmed account cannot sign in.
    email_confirmed_at: Mapped[datetime | None]
    # Set by an administrator: the account can no longer sign in, and its sessions ended at that moment.
    disabled_at: Mapped[datetime | None]

    company: Mapped[Company | None] = relationship(lazy="joined")

    # Flask-Login's protocol. Its "id" is the session the user came with (accounts/sessions.py sets it), not the user's.
    is_anonymous = False
    is_authenticated = True
    session_key: str = ""

    @property
    def is_active(self) -> bool:
        return self.disabled_at is None

    def get_id(self) -> str:
        return self.session_key


class AccountLink(Base):
    """A link sent by e-mail (reset a password, confirm an address): only its id is kept, never its token."""

    __tablename__ = "account_links"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class WebSession(Base):
    """One signed-in browser. The cookie carries a random key; only its SHA-256 is kept here, so a copy of this
    table opens no session. A row ends (logout, password change, account disabled, idle, too old) and stays
    ended: the key is never valid again."""
    __tablename__ = "sessions"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(20))
