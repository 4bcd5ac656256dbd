"""The courses service's tables: each certification's editions (rules, lessons, question bank), the employees it
knows of, enrolments with lesson progress, exam attempts with their drawn questions and answers, certificates,
and the outbox and inbox.

An edition is published once and never changes afterwards; an enrolment keeps the edition it started with, and an
attempt the edition whose bank it drew from, so editing the course never changes what someone is already taking.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from common.tables import service_tables

Base, Outbox, Inbox = service_tables()


class EditionStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Edition(Base):
    """One version of a certification's rules, course and question bank."""

    __tablename__ = "editions"
    __table_args__ = (
        UniqueConstraint("certification_code", "number", name="uq_editions_certification_number"),
        # At most one draft per certification: administrators edit one next edition at a time.
        Index("uq_editions_one_draft", "certification_code", unique=True,
              postgresql_where=text("status = 'draft'"), sqlite_where=text("status = 'draft'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    certification_code: Mapped[str] = mapped_column(String(60), index=True)
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))
    # The rules (see rules.py for their meaning and defaults).
    questions_per_attempt: Mapped[int]
    pass_mark_percent: Mapped[int]
    time_limit_minutes: Mapped[int]
    attempts_allowed: Mapped[int]
    wait_between_attempts_hours: Mapped[int]
    access_days: Mapped[int]
    signoff_required: Mapped[bool]
    certificate_valid_months: Mapped[int]
    # True until an administrator confirms the rules: they were seeded from another jurisdiction's published ones.
    rules_are_defaults: Mapped[bool]
    sample_content: Mapped[bool]
    created_at: Mapped[datetime]
    published_at: Mapped[datetime | None]
    published_by: Mapped[uuid.UUID | None]

    modules: Mapped[list[Module]] = relationship(order_by="Module.position", cascade="all, delete-orphan",
                                                 lazy="selectin")
    questions: Mapped[list[Question]] = relationship(order_by="Question.position", cascade="all, delete-orphan",
                                                     lazy="selectin")


class Module(Base):
    __tablename__ = "modules"
    __table_args__ = (UniqueConstraint("edition_id", "key", name="uq_modules_edition_key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    title_en: Mapped[str] = mapped_column(String(200))
    title_fr: Mapped[str] = mapped_column(String(200))

    lessons: Mapped[list[Lesson]] = relationship(order_by="Lesson.position", cascade="all, delete-orphan",
                                                 lazy="selectin")


class Lesson(Base):
    __tablename__ = "lessons"
    __table_args__ = (UniqueConstraint("edition_id", "key", name="uq_lessons_edition_key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"))
    # Repeated from the module so that a lesson key is unique in its edition, which the progress rows rely on.
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    minutes: Mapped[int]
    title_en: Mapped[str] = mapped_column(String(200))
    title_fr: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(Text)  # Markdown, rendered without raw HTML
    body_fr: Mapped[str] = mapped_column(Text)


class QuestionKind(StrEnum):
    SINGLE = "single"      # exactly one option is right
    MULTIPLE = "multiple"  # every right option and no wrong one must be chosen


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("edition_id", "key", name="uq_questions_edition_key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("editions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))  # Moodle's idnumber, or the question's name
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    topic_en: Mapped[str] = mapped_column(String(200))
    topic_fr: Mapped[str] = mapped_column(String(200))
    text_en: Mapped[str] = mapped_column(Text)
    text_fr: Mapped[str] = mapped_column(Text)
    feedback_en: Mapped[str] = mapped_column(Text, default="")
    feedback_fr: Mapped[str] = mapped_column(Text, default="")

    options: Mapped[list[Option]] = relationship(order_by="Option.position", cascade="all, delete-orphan",
                                                 lazy="selectin")


class Option(Base):
    __tablename__ = "options"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text_en: Mapped[str] = mapped_column(Text)
    text_fr: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool]


class Employee(Base):
    """What the courses service knows of an employee, from web's events: the name a certificate carries."""

    __tablename__ = "employees"

    employee_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    updated_at: Mapped[datetime | None]


class EnrolmentStatus(StrEnum):
    IN_COURSE = "in_course"
    EXAM_OPEN = "exam_open"              # the course is complete; attempts may start
    PASSED = "passed"                    # the certificate is being issued (the holder's name is on its way)
    AWAITING_SIGNOFF = "awaiting_signoff"  # passed; WSCC signs off before the certificate is issued
    CERTIFIED = "certified"
    FAILED = "failed"                    # no attempts left
    ACCESS_EXPIRED = "access_expired"    # the access period ended before a pass


FINISHED_ENROLMENT_STATUSES = (EnrolmentStatus.CERTIFIED, EnrolmentStatus.FAILED, EnrolmentStatus.ACCESS_EXPIRED)


class Enrolment(Base):
    """An employee's course and exam of one certification, opened by the redemption of one license."""

    __tablename__ = "enrolments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    license_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    company_id: Mapped[uuid.UUID] = mapped_column(index=True)
    certification_code: Mapped[str] = mapped_column(String(60))
    # As the redemption named it: a certificate keeps the name the certification had when it was earned.
    certification_name_en: Mapped[str] = mapped_column(String(200))
    certification_name_fr: Mapped[str] = mapped_column(String(200))
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("editions.id"))
    status: Mapped[str] = mapped_column(String(30), index=True)
    opened_at: Mapped[datetime]
    access_ends_at: Mapped[datetime] = mapped_column(index=True)
    course_completed_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Granted by an administrator, each grant recorded in enrolment_grants with who and why.
    time_multiplier: Mapped[Decimal] = mapped_column(Numeric(4, 2), default=Decimal("1.00"))
    extra_attempts: Mapped[int] = mapped_column(default=0)

    edition: Mapped[Edition] = relationship(lazy="joined")


class LessonProgress(Base):
    __tablename__ = "lesson_progress"

    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enrolments.id"), primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id"), primary_key=True)
    completed_at: Mapped[datetime]


class GrantKind(StrEnum):
    EXTRA_ATTEMPT = "extra_attempt"
    ACCOMMODATION = "accommodation"


class EnrolmentGrant(Base):
    """An administrator's exception to the rules for one candidate: who granted what, when and why."""

    __tablename__ = "enrolment_grants"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enrolments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    value: Mapped[Decimal] = mapped_column(Numeric(6, 2))  # attempts added, or the new time multiplier
    reason: Mapped[str] = mapped_column(Text)
    granted_by: Mapped[uuid.UUID]
    granted_at: Mapped[datetime]


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (
        UniqueConstraint("enrolment_id", "number", name="uq_attempts_enrolment_number"),
        # One open attempt per enrolment, whatever two tabs or two devices do at once.
        Index("uq_attempts_one_open", "enrolment_id", unique=True,
              postgresql_where=text("submitted_at IS NULL"), sqlite_where=text("submitted_at IS NULL")),
        Index("ix_attempts_open_deadline", "deadline", postgresql_where=text("submitted_at IS NULL"),
              sqlite_where=text("submitted_at IS NULL")),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enrolments.id"))
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("editions.id"))
    number: Mapped[int]
    started_at: Mapped[datetime]
    deadline: Mapped[datetime]
    pass_mark_percent: Mapped[int]  # as the edition said when the attempt started
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(String(20))  # "candidate" or "deadline"
    score_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    correct_count: Mapped[int | None]
    question_count: Mapped[int]
    passed: Mapped[bool | None]
    # Per topic, for the result page's "what to review": [{"topic_en", "topic_fr", "correct", "total"}].
    topics: Mapped[list | None] = mapped_column(JSON)

    questions: Mapped[list[AttemptQuestion]] = relationship(order_by="AttemptQuestion.position",
                                                            cascade="all, delete-orphan", lazy="selectin")


class AttemptQuestion(Base):
    """A question drawn for an attempt, with its options in the order this candidate sees them."""

    __tablename__ = "attempt_questions"
    __table_args__ = (UniqueConstraint("attempt_id", "question_id", name="uq_attempt_questions_question"),)

    attempt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    option_order: Mapped[list] = mapped_column(JSON)  # option ids
    chosen: Mapped[list | None] = mapped_column(JSON)  # option ids; None until answered
    answered_at: Mapped[datetime | None]
    correct: Mapped[bool | None]

    question: Mapped[Question] = relationship(lazy="joined")


class CertificateStatus(StrEnum):
    VALID = "valid"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    # "expired" is never stored: a certificate is expired when its expiry date has passed (verification.py).


class Certificate(Base):
    __tablename__ = "certificates"

    number: Mapped[str] = mapped_column(String(20), primary_key=True)
    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enrolments.id"), unique=True)
    employee_id: Mapped[uuid.UUID] = mapped_column(index=True)
    company_id: Mapped[uuid.UUID] = mapped_column(index=True)
    holder_name: Mapped[str] = mapped_column(String(200))
    certification_code: Mapped[str] = mapped_column(String(60))
    attempt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attempts.id"))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20))
    status_changed_at: Mapped[datetime | None]
    status_reason: Mapped[str | None] = mapped_column(Text)
    signed_off_by: Mapped[uuid.UUID | None]
    # Its bit in the published revocation and suspension status lists of its Open Badges credential.
    status_index: Mapped[int] = mapped_column(unique=True)
    # Reminder points already sent (days before expiry), so a sweep run twice sends nothing twice.
    reminded_days: Mapped[int | None]


class CertificateChange(Base):
    """Every status change of a certificate, with who and why."""

    __tablename__ = "certificate_changes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    certificate_number: Mapped[str] = mapped_column(ForeignKey("certificates.number"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[uuid.UUID]
    changed_at: Mapped[datetime]


class Signoff(Base):
    """A passed attempt waiting for a WSCC staff member's sign-off before its certificate is issued."""

    __tablename__ = "signoffs"

    enrolment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enrolments.id"), primary_key=True)
    attempt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("attempts.id"))
    requested_at: Mapped[datetime] = mapped_column(index=True)
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[uuid.UUID | None]
    note: Mapped[str | None] = mapped_column(Text)
