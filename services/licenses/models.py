"""The licenses service's tables: codes and their history, the employees projection, reminders, claim attempts,
and the outbox and inbox."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from common.tables import service_tables


Base, Outbox, Inbox = service_tables()


class LicenseStatus(StrEnum):
    AVAILABLE = "available"
    CLAIMED = "claimed"
    ELIGIBLE = "eligible"
    REDEEMED = "redeemed"
    EXPIRED = "expired"
    # The course and exam it was redeemed for are over: certified, out of attempts, or access ended (the courses
    # service announces which). The employee may then hold another code.
    FINISHED = "finished"


# A license an employee holds and may still use: claimed, or eligible for an approval.
LIVE_STATUSES = (LicenseStatus.CLAIMED, LicenseStatus.ELIGIBLE)
# A license an employee holds until they finish its certification: at most one per employee, whatever the
# interleaving (a partial unique index says so). A code is claimed before its certification may be known, so
# "one per certification not finished" is one per employee until that employee finishes.
HELD_STATUSES = (*LIVE_STATUSES, LicenseStatus.REDEEMED)
_HELD_SQL = "status IN ({})".format(", ".join(f"'{status}'" for status in HELD_STATUSES))
_ELIGIBLE_SQL = "status = 'eligible'"


def _partial(condition: str) -> dict:
    return {"postgresql_where": text(condition), "sqlite_where": text(condition)}


class License(Base):
    __tablename__ = "licenses"
    __table_args__ = (
        UniqueConstraint("order_id", "ordinal", name="uq_licenses_order_ordinal"),
        Index("ix_licenses_company_listing", "company_id", "issued_at", "ordinal"),
        Index("ix_licenses_company_status", "company_id", "status"),
        Index("uq_licenses_held_employee", "employee_id", unique=True, **_partial(_HELD_SQL)),
        Index("ix_licenses_employee", "employee_id"),
        # The sweeps walk eligible licenses by deadline; other states never need it.
        Index("ix_licenses_eligible_deadline", "redeem_by", "id", **_partial(_ELIGIBLE_SQL)),
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
    # The lifecycle: who holds it, and the approval it may be redeemed for.
    employee_id: Mapped[uuid.UUID | None]
    claimed_at: Mapped[datetime | None]
    application_id: Mapped[uuid.UUID | None]
    certification: Mapped[dict | None] = mapped_column(JSON)
    approved_at: Mapped[datetime | None]
    redeem_by: Mapped[datetime | None]
    redeemed_at: Mapped[datetime | None]
    expired_at: Mapped[datetime | None]


class LicenseHistory(Base):
    """Every state change of a license, with who or what caused it, and the employee it concerned."""

    __tablename__ = "license_history"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    license_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("licenses.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    cause: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict | None] = mapped_column(JSON)
    employee_id: Mapped[uuid.UUID | None]


class Employee(Base):
    """What licenses knows of an employee, from web's and applications' events: a projection, never the source."""

    __tablename__ = "employees"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    profile_at: Mapped[datetime | None]
    progress: Mapped[str | None] = mapped_column(String(30))
    progress_at: Mapped[datetime | None]
    certification: Mapped[dict | None] = mapped_column(JSON)
    # The latest decision on the employee's applications: "approved" or "refused".
    decision: Mapped[str | None] = mapped_column(String(10))
    decision_at: Mapped[datetime | None]
    decision_application_id: Mapped[uuid.UUID | None]
    decision_certification: Mapped[dict | None] = mapped_column(JSON)
    redeem_by: Mapped[datetime | None]


class LicenseReminder(Base):
    """One row per reminder point sent for a deadline: written with its event, so a point is never sent twice."""

    __tablename__ = "license_reminders"

    license_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("licenses.id"), primary_key=True)
    # Part of the key so that a reinstated license (new deadline) is reminded afresh.
    redeem_by: Mapped[datetime] = mapped_column(primary_key=True)
    days_before: Mapped[int] = mapped_column(primary_key=True)
    sent_at: Mapped[datetime]


class ClaimFailure(Base):
    """A refused claim, counted per account and per client address to stop the guessing of codes."""

    __tablename__ = "claim_failures"
    __table_args__ = (
        Index("ix_claim_failures_employee", "employee_id", "at"),
        Index("ix_claim_failures_address", "client_address", "at"),
    )

    # SQLite numbers rows itself only for an INTEGER primary key.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    employee_id: Mapped[uuid.UUID]
    client_address: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(30))


class CourseProgress(Base):
    """Where a redeemed license's course and exam stand, from the courses service's events, for the company's
    table: steps, counts and dates, never answers or scores. An older event never overwrites a newer one."""

    __tablename__ = "course_progress"

    license_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("licenses.id"), primary_key=True)
    stage: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime]
    rank: Mapped[int]  # breaks ties between events of the same instant: the step further along wins
    access_ends_at: Mapped[datetime | None]
    lessons_done: Mapped[int] = mapped_column(Integer, default=0)
    lessons_total: Mapped[int] = mapped_column(Integer, default=0)
    attempts_used: Mapped[int] = mapped_column(Integer, default=0)
    attempts_allowed: Mapped[int] = mapped_column(Integer, default=0)
    last_result: Mapped[str | None] = mapped_column(String(10))  # "passed" or "failed"
    last_attempt_number: Mapped[int | None]
    certificate_number: Mapped[str | None] = mapped_column(String(20))
    certificate_expires_at: Mapped[datetime | None]
    certificate_status: Mapped[str | None] = mapped_column(String(20))
    certificate_at: Mapped[datetime | None]  # of the latest certificate event, which orders them
