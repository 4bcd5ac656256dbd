"""The applications service's tables: certifications and their requirements, the introduction course, the
employees it knows of, applications with their documents and decisions, and the outbox and inbox."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from common.tables import service_tables


Base, Outbox, Inbox = service_tables()


class Certification(Base):
    """One of the certifications an employee may apply for; its names and requirements are an admin's data."""

    __tablename__ = "certifications"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int]
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]
    requirements: Mapped[list[Requirement]] = relationship(
        order_by="Requirement.position", cascade="all, delete-orphan", lazy="selectin")


class Requirement(Base):
    """A document an applicant for the certification must provide."""

    __tablename__ = "requirements"
    __table_args__ = (UniqueConstraint("certification_code", "code", name="uq_requirements_certification_code"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    certification_code: Mapped[str] = mapped_column(ForeignKey("certifications.code"))
    code: Mapped[str] = mapped_column(String(60))
    position: Mapped[int]
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str] = mapped_column(String(200))
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_fr: Mapped[str] = mapped_column(Text, default="")


class IntroModule(Base):
    """A module of the introduction course; bodies are the safe Markdown subset of ``markdown.py``."""

    __tablename__ = "intro_modules"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int]
    title_en: Mapped[str] = mapped_column(String(200))
    title_fr: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(Text)
    body_fr: Mapped[str] = mapped_column(Text)


class IntroModuleView(Base):
    __tablename__ = "intro_module_views"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    module_key: Mapped[str] = mapped_column(ForeignKey("intro_modules.key"), primary_key=True)
    viewed_at: Mapped[datetime]


class IntroCourseProgress(Base):
    """One row per employee who opened a module; locked while a view is recorded, so completion happens once."""

    __tablename__ = "intro_course_progress"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class Employee(Base):
    """Local projection of the front door's employee profile, for the reviewer's view."""

    __tablename__ = "employees"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(10))
    # When the event that wrote this row happened: an older event arriving late must not undo a newer one.
    as_of: Mapped[datetime]


OPEN_STATUSES_SQL = "status IN ('draft', 'submitted', 'under_review', 'documents_requested')"


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (
        # At most one open application per employee, even when two requests create one at the same moment.
        Index("uq_applications_one_open_per_employee", "employee_id", unique=True,
              postgresql_where=text(OPEN_STATUSES_SQL), sqlite_where=text(OPEN_STATUSES_SQL)),
        Index("ix_applications_queue", "status", "submitted_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    certification_code: Mapped[str] = mapped_column(ForeignKey("certifications.code"))
    status: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # The first submission: the review queue keeps that place after a request for more documents.
    submitted_at: Mapped[datetime | None]
    last_submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    redeem_by: Mapped[datetime | None]
    certification: Mapped[Certification] = relationship(lazy="joined", innerjoin=True)
    documents: Mapped[list[Document]] = relationship(order_by="Document.uploaded_at", lazy="selectin")
    decisions: Mapped[list[Decision]] = relationship(order_by="Decision.at", lazy="selectin")


class Decision(Base):
    """A reviewer's act on an application (review started, approved, refused, documents requested): who and when."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    decision: Mapped[str] = mapped_column(String(30))
    by_user_id: Mapped[str] = mapped_column(String(64))
    by_name: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """An uploaded file's metadata; the file is ``<documents_dir>/<application id>/<document id>``."""

    __tablename__ = "documents"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    requirement_code: Mapped[str] = mapped_column(String(60))
    # The uploader's file name, sanitised, for display only: the stored file never takes a name from the user.
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime]
    # Set when the retention period deleted the file.
    purged_at: Mapped[datetime | None] = mapped_column(index=True)
