"""The licenses service's tables: codes, their history, and the outbox and inbox."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from common.db import TYPE_ANNOTATION_MAP
from common.inbox import InboxMixin
from common.outbox import OutboxMixin


class Base(DeclarativeBase):
    type_annotation_map = TYPE_ANNOTATION_MAP


class Outbox(OutboxMixin, Base):
    __tablename__ = "outbox"


class Inbox(InboxMixin, Base):
    __tablename__ = "inbox"


class LicenseStatus(StrEnum):
    AVAILABLE = "available"
    CLAIMED = "claimed"
    ELIGIBLE = "eligible"
    REDEEMED = "redeemed"
    EXPIRED = "expired"


class License(Base):
    __tablename__ = "licenses"
    __table_args__ = (
        UniqueConstraint("order_id", "ordinal", name="uq_licenses_order_ordinal"),
        Index("ix_licenses_company_listing", "company_id", "issued_at", "ordinal"),
        Index("ix_licenses_company_status", "company_id", "status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    company_id: Mapped[uuid.UUID]
    order_id: Mapped[uuid.UUID]
    order_number: Mapped[str] = mapped_column(String(30))
    # The n-th code of its order: (order_id, ordinal) is unique, so an order can never get more codes than paid for.
    ordinal: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default=LicenseStatus.AVAILABLE)
    assigned_to_name: Mapped[str | None] = mapped_column(String(200))
    assignment_date: Mapped[date | None]
    issued_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class LicenseHistory(Base):
    """Every state change of a license, with who or what caused it."""

    __tablename__ = "license_history"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    license_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("licenses.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    cause: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict | None] = mapped_column(JSON)
