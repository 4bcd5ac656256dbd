"""The data carried by each event type: the contract between a producer and its consumers."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from common.text_input import has_control_characters

Language = str  # a locale code the portal has translations for ("en", "fr", ...)


def _one_line(text: str) -> str:
    if has_control_characters(text):
        raise ValueError("a name holds a control character (a line break, a NUL...)")
    return text


# A person's or a company's name goes into e-mail headers: one line, no control character, ever.
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_one_line)]


class EventData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CompanyProfile(EventData):
    company_id: UUID
    legal_name: Name
    representative_user_id: UUID
    representative_name: Name
    email: EmailStr
    phone: str = Field(max_length=40)
    mailing_address: str = Field(max_length=500)
    employer_account_number: str | None = Field(default=None, max_length=40)
    site: str | None = Field(default=None, max_length=200)
    language: Language = Field(pattern=r"^[a-z]{2,3}$")


class AccountMail(EventData):
    """Whom an account e-mail goes to: the account's owner at its current address, in their language."""

    user_id: UUID
    email: EmailStr
    name: str
    language: Language = Field(pattern=r"^[a-z]{2,3}$")


class AccountLinkRequested(AccountMail):
    """A link to send (reset a password, confirm an address): only the id of web's link row, never a token or URL;
    notifications derives the link from the id with the shared link secret (common/links.py)."""

    link_id: UUID
    expires_in_minutes: int = Field(gt=0)


class EmailChanged(AccountMail):
    """The sign-in address changed: ``email`` is the new one; the notice goes to ``old_email``."""

    old_email: EmailStr


class PasswordChanged(AccountMail):
    how: Literal["changed", "reset"]


class LoginAttemptsSuspected(AccountMail):
    """Many failed sign-ins at one account within the window: its owner is told. Nothing that was typed."""

    failed_attempts: int = Field(ge=1)
    window_minutes: int = Field(gt=0)
    at: datetime


class OrderPaid(EventData):
    order_id: UUID
    order_number: str
    company_id: UUID
    quantity: int = Field(ge=1, le=1000)
    unit_price: Decimal
    total: Decimal
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    paypal_order_id: str
    paypal_capture_id: str
    paid_at: datetime


class LicensesIssued(EventData):
    order_id: UUID
    order_number: str
    company_id: UUID
    quantity: int = Field(ge=1)


class EmployeeProfile(EventData):
    employee_id: UUID
    name: Name
    email: EmailStr
    phone: str = Field(max_length=40)
    language: Language = Field(pattern=r"^[a-z]{2,3}$")


class IntroCourseCompleted(EventData):
    employee_id: UUID
    completed_at: datetime


class Certification(EventData):
    code: str = Field(pattern=r"^[a-z0-9_]{2,60}$")
    name_en: str
    name_fr: str


class ApplicationChange(EventData):
    """Submitted, taken into review, or more documents asked for: the application's new status and when."""

    application_id: UUID
    employee_id: UUID
    certification: Certification
    at: datetime
    message: str | None = Field(default=None, max_length=2000)


class ApplicationApproved(EventData):
    application_id: UUID
    employee_id: UUID
    certification: Certification
    approved_at: datetime
    # The last moment the employee may use a license for this approval (approval + the redemption window).
    redeem_by: datetime


class ApplicationRefused(EventData):
    application_id: UUID
    employee_id: UUID
    certification: Certification
    refused_at: datetime
    reason: str = Field(min_length=1, max_length=2000)


class LicenseChange(EventData):
    """A license claimed, released, redeemed, expiring or expired: which, whose, and its dates."""

    license_id: UUID
    company_id: UUID
    employee_id: UUID
    at: datetime
    redeem_by: datetime | None = None
    days_left: int | None = Field(default=None, ge=0)
    certification: Certification | None = None
    application_id: UUID | None = None


class EnrolmentChange(EventData):
    """A step of an employee's course and exam: the enrolment it belongs to, whose, and where it stands."""

    enrolment_id: UUID
    license_id: UUID
    company_id: UUID
    employee_id: UUID
    certification: Certification
    at: datetime
    access_ends_at: datetime
    lessons_done: int = Field(ge=0)
    lessons_total: int = Field(ge=0)
    attempts_used: int = Field(ge=0)
    attempts_allowed: int = Field(ge=0)


class ExamResult(EnrolmentChange):
    """A graded attempt: its score and the pass mark, and when the next attempt may start if any remains."""

    attempt_id: UUID
    attempt_number: int = Field(ge=1)
    score_percent: Decimal = Field(ge=0, le=100)
    pass_mark_percent: int = Field(ge=0, le=100)
    passed: bool
    next_attempt_at: datetime | None = None


class CertificateChange(EventData):
    """A certificate issued, expiring, suspended, reinstated or revoked; ``number`` is public (it is printed)."""

    number: str = Field(pattern=r"^[0-9A-Z]{10}$")
    enrolment_id: UUID
    license_id: UUID
    company_id: UUID
    employee_id: UUID
    certification: Certification
    at: datetime
    issued_at: datetime
    expires_at: datetime
    status: Literal["valid", "suspended", "revoked"]
    reason: str | None = Field(default=None, max_length=2000)
    days_left: int | None = Field(default=None, ge=0)
