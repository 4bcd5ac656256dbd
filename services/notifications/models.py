"""The notifications service's tables: who to write to, every e-mail (the send log), and the outbox and inbox."""
from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from common.tables import service_tables


# Notifications publishes no events yet; its outbox is kept so every service has the same shape.
Base, Outbox, Inbox = service_tables()


class CompanyContact(Base):
    """Local projection of each company's representative, fed by ``company.registered`` / ``company.updated``."""

    __tablename__ = "company_contacts"

    company_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    representative_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(10))
    # When the event that wrote this row happened: an older event arriving late must not undo a newer one.
    as_of: Mapped[datetime]


class EmployeeContact(Base):
    """Local projection of each employee (candidate), fed by ``employee.registered`` / ``employee.updated``."""

    __tablename__ = "employee_contacts"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(10))
    as_of: Mapped[datetime]


class CodeLink(Base):
    """Which employee each company code is linked to, fed by ``license.claimed`` / ``license.released``.

    Only ``application.refused`` needs it: that event names the employee, not the companies to tell.
    """

    __tablename__ = "code_links"

    license_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    company_id: Mapped[uuid.UUID]
    linked: Mapped[bool]  # False once the company released the code
    as_of: Mapped[datetime]


class Refusal(Base):
    """Refused applications, kept so that a code link handled after the refusal still tells that company."""

    __tablename__ = "refusals"

    application_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    refused_at: Mapped[datetime]
    # Plain JSON ({"code", "name_en", "name_fr"}), as it goes into the company's e-mail.
    certification: Mapped[dict[str, Any]] = mapped_column(JSON)


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Notification(Base):
    """One e-mail to one person, from the moment it is decided until it is sent or given up: the send log."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_status_next_attempt", "status", "next_attempt_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # What this e-mail is about (e.g. "payment_receipt:<order id>"): unique, so it can never be queued twice.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    template: Mapped[str] = mapped_column(String(50))
    recipient_email: Mapped[str] = mapped_column(String(320), index=True)
    recipient_name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10))
    context: Mapped[dict[str, Any]] = mapped_column(JSON)
    event_id: Mapped[uuid.UUID | None]
    status: Mapped[str] = mapped_column(String(10), default=NotificationStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    # When the next try is due; a pending row far past it has lost its task and is picked up by the sweep.
    next_attempt_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
