"""Every event type: its version, producer, consumers and schema. The topology and the docs table follow from it."""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from common.events import schemas
from common.events.envelope import InvalidEvent


@dataclass(frozen=True)
class EventSpec:
    type: str
    version: int
    producer: str
    consumers: tuple[str, ...]
    schema: type[BaseModel]
    meaning: str


CATALOG: dict[str, EventSpec] = {
    spec.type: spec
    for spec in (
        EventSpec("company.registered", 1, "web", ("notifications",), schemas.CompanyProfile,
                  "A company representative created a profile and confirmed its address."),
        EventSpec("company.updated", 1, "web", ("notifications",), schemas.CompanyProfile,
                  "A company's profile or its representative's contact details changed."),
        EventSpec("user.password_reset_requested", 2, "web", ("notifications",), schemas.AccountLinkRequested,
                  "Someone asked for a password reset link for an existing account (the link's id, no token)."),
        EventSpec("user.confirmation_requested", 1, "web", ("notifications",), schemas.AccountLinkRequested,
                  "Someone registered with an address that has no confirmed account: its link to confirm it."),
        EventSpec("user.registration_attempted", 1, "web", ("notifications",), schemas.AccountMail,
                  "Someone tried to register with the address of an existing account; nothing was created."),
        EventSpec("user.email_changed", 1, "web", ("notifications",), schemas.EmailChanged,
                  "An account's sign-in address changed (its owner gave the current password)."),
        EventSpec("user.password_changed", 1, "web", ("notifications",), schemas.PasswordChanged,
                  "An account's password was changed by its owner or reset through an e-mailed link."),
        EventSpec("user.login_attempts_suspected", 1, "web", ("notifications",), schemas.LoginAttemptsSuspected,
                  "An account had many failed sign-ins within the hour (once per hour at most): someone may be "
                  "guessing its password."),
        EventSpec("order.paid", 1, "orders", ("licenses", "notifications"), schemas.OrderPaid,
                  "PayPal captured the full amount of an order, checked against what was asked."),
        EventSpec("licenses.issued", 1, "licenses", ("notifications",), schemas.LicensesIssued,
                  "Every code of a paid order exists and can be handed out."),
        EventSpec("employee.registered", 1, "web", ("applications", "courses", "licenses", "notifications"),
                  schemas.EmployeeProfile, "An employee (candidate) created an account and confirmed its address."),
        EventSpec("employee.updated", 1, "web", ("applications", "courses", "licenses", "notifications"),
                  schemas.EmployeeProfile, "An employee changed their name, contact details or language."),
        EventSpec("intro_course.completed", 1, "applications", ("licenses",), schemas.IntroCourseCompleted,
                  "An employee went through every module of the introduction course."),
        EventSpec("application.submitted", 1, "applications", ("licenses", "notifications"),
                  schemas.ApplicationChange, "An employee submitted an application with every required document."),
        EventSpec("application.review_started", 1, "applications", ("licenses",), schemas.ApplicationChange,
                  "A reviewer took the application into review."),
        EventSpec("application.documents_requested", 1, "applications", ("licenses", "notifications"),
                  schemas.ApplicationChange, "A reviewer asked the employee for more documents."),
        EventSpec("application.approved", 1, "applications", ("licenses", "notifications"),
                  schemas.ApplicationApproved, "WSCC approved the application; the redemption window starts."),
        EventSpec("application.refused", 1, "applications", ("licenses", "notifications"),
                  schemas.ApplicationRefused, "WSCC refused the application, with a reason."),
        EventSpec("license.claimed", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "An employee linked a company's code to their account."),
        EventSpec("license.eligible", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "A linked license's employee is approved: it may be redeemed until redeem_by."),
        EventSpec("license.released", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "The company took back a linked code its employee had not redeemed; it is available again."),
        EventSpec("license.redeemed", 1, "licenses", ("courses", "notifications"), schemas.LicenseChange,
                  "The employee used the license: the course and exam open for the approved certification."),
        EventSpec("license.expiring", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "A reminder point (30, 7 or 1 day before redeem_by) of an unredeemed eligible license."),
        EventSpec("license.expired", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "The deadline passed without redemption; the license expired."),
        EventSpec("license.reinstated", 1, "licenses", ("notifications",), schemas.LicenseChange,
                  "An administrator reinstated an expired license with a new deadline."),
        EventSpec("course.opened", 1, "courses", ("licenses", "notifications"), schemas.EnrolmentChange,
                  "A redeemed license opened the certification's course for the employee, until access_ends_at."),
        EventSpec("course.completed", 1, "courses", ("licenses", "notifications"), schemas.EnrolmentChange,
                  "The employee finished every lesson: the exam is open."),
        EventSpec("exam.passed", 1, "courses", ("licenses", "notifications"), schemas.ExamResult,
                  "An attempt was graded at or above the pass mark (a certificate follows, after any sign-off)."),
        EventSpec("exam.failed", 1, "courses", ("licenses", "notifications"), schemas.ExamResult,
                  "An attempt was graded below the pass mark; next_attempt_at tells when another may start."),
        EventSpec("exam.attempts_exhausted", 1, "courses", ("licenses", "notifications"), schemas.ExamResult,
                  "The last attempt allowed failed: the employee must contact WSCC (an administrator may grant one)."),
        EventSpec("exam.attempt_granted", 1, "courses", ("licenses", "notifications"), schemas.EnrolmentChange,
                  "An administrator granted another attempt: the exam is open again (attempts_allowed counts it)."),
        EventSpec("course.access_expired", 1, "courses", ("licenses", "notifications"), schemas.EnrolmentChange,
                  "The access period ended before the employee passed the exam."),
        EventSpec("certificate.issued", 1, "courses", ("licenses", "notifications"), schemas.CertificateChange,
                  "A certificate was issued; its number opens the public verification page."),
        EventSpec("certificate.expiring", 1, "courses", ("notifications",), schemas.CertificateChange,
                  "A reminder point (90 or 30 days before by default) of a valid certificate's expiry."),
        EventSpec("certificate.suspended", 1, "courses", ("licenses", "notifications"), schemas.CertificateChange,
                  "An administrator suspended the certificate, with a reason."),
        EventSpec("certificate.reinstated", 1, "courses", ("licenses", "notifications"), schemas.CertificateChange,
                  "An administrator lifted a suspension, with a reason."),
        EventSpec("certificate.revoked", 1, "courses", ("licenses", "notifications"), schemas.CertificateChange,
                  "An administrator revoked the certificate for good, with a reason."),
    )
}


def spec_for(event_type: str) -> EventSpec:
    try:
        return CATALOG[event_type]
    except KeyError:
        raise InvalidEvent(f"unknown event type {event_type!r}") from None


def consumed_by(service: str) -> list[str]:
    return sorted(spec.type for spec in CATALOG.values() if service in spec.consumers)


def consumer_services() -> list[str]:
    return sorted({service for spec in CATALOG.values() for service in spec.consumers})
