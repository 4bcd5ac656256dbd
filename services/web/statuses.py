"""The journey's states in words, in the reader's language: applications, decisions, a company's view of its
employee's progress, and the names the services give in every language (certifications, requirements)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from babel.dates import format_date
from flask import current_app
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from common import codes
from common.clock import utcnow
from common.timezones import display_zone
from services.web.i18n import DEFAULT_LANGUAGE, current_language

APPLICATION_STATUSES = {
    "draft": _l("Not submitted yet"),
    "submitted": _l("Submitted"),
    "under_review": _l("Under review"),
    "documents_requested": _l("More documents requested"),
    "approved": _l("Approved"),
    "refused": _l("Refused"),
}

# The employee's own license, in the employee's words (the company's table says "Linked to an employee").
MY_LICENSE_STATUSES = {
    "claimed": _l("Linked to your account"),
    "eligible": _l("Ready to use"),
    "redeemed": _l("Used"),
    "finished": _l("Used — course finished"),
    "expired": _l("Expired"),
}

DECISIONS = {
    "submitted": _l("Submitted"),
    "review_started": _l("Review started"),
    "under_review": _l("Review started"),
    "approved": _l("Approved"),
    "refused": _l("Refused"),
    "documents_requested": _l("More documents requested"),
}

PROGRESS = {
    "registered": _l("Code linked"),
    "intro_course_done": _l("Introduction course done"),
    "application_submitted": _l("Application submitted"),
    "under_review": _l("Under review"),
    "documents_requested": _l("More documents requested"),
    "approved": _l("Approved"),
    "refused": _l("Refused"),
    "redeemed": _l("Redeemed"),
    "expired": _l("Expired"),
}


def application_status(code: str) -> str:
    return str(APPLICATION_STATUSES.get(code, code))


def my_license_status(code: str) -> str:
    return str(MY_LICENSE_STATUSES.get(code, code))


def decision_words(code: str) -> str:
    return str(DECISIONS.get(code, code))


def iso_day(value: str | None) -> str:
    """2027-03-01: the deadline as the company's spreadsheet and the e-mails write it, in any language: the day
    the instant falls on where WSCC works, by the portal's zone rules (common/timezones.py). The services send
    UTC, whose date is already the next day there in the evening, and always for a deadline at the end of a day."""
    if not value:
        return ""
    text = str(value)
    if "T" not in text:
        return text[:10]
    zone = display_zone(current_app.config["WSCC_SETTINGS"].display_timezone)
    return datetime.fromisoformat(text).astimezone(zone).date().isoformat()


def days_left_words(days: int) -> str:
    return ngettext("%(num)d day left", "%(num)d days left", days)


def deadline_words(redeem_by: str, days_left: int | None) -> str:
    """"use by 2027-03-01 (45 days left)", the days as the licenses service counts them; the date alone without."""
    if days_left is None:
        return gettext("use by %(date)s", date=iso_day(redeem_by))
    return gettext("use by %(date)s (%(left)s)", date=iso_day(redeem_by), left=days_left_words(days_left))


def local_date(value: str | datetime | None) -> Any:
    """The day an instant from a service falls on where WSCC works (the portal's zone rules)."""
    if not value:
        return None
    if isinstance(value, str) and "T" not in value:
        return datetime.fromisoformat(value).date()
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return instant.astimezone(display_zone(current_app.config["WSCC_SETTINGS"].display_timezone)).date()


def long_day(value: str | datetime | None) -> str:
    """The day an instant falls on where WSCC works, the month in words so a day and a month are never confused:
    "December 2, 2031", "2 décembre 2031" (the language's Canadian conventions)."""
    day = local_date(value)
    return format_date(day, "long", locale=f"{current_language()}_CA") if day else ""


def certificate_number(number: str | None) -> str:
    """7K3QD-9XH2A: groups of five, as printed on the certificate."""
    return codes.grouped(number, 5) if number else ""


def certificate_words(certificate: Mapping[str, Any]) -> str:
    """"Certified — 7K3QD-9XH2A, valid until 2 December 2031", or suspended, revoked, expired."""
    number, status = certificate_number(certificate.get("number")), certificate.get("status") or "valid"
    expires = certificate.get("expires_at")
    if status == "revoked":
        return gettext("Certificate %(number)s revoked", number=number)
    if status == "suspended":
        return gettext("Certified — %(number)s, suspended", number=number)
    if status == "expired" or (expires and datetime.fromisoformat(expires) <= utcnow()):
        return gettext("Certified — %(number)s, expired on %(date)s", number=number, date=long_day(expires))
    return gettext("Certified — %(number)s, valid until %(date)s", number=number, date=long_day(expires))


def course_words(course: Mapping[str, Any]) -> str:
    """A redeemed license's course and exam as the company reads it: steps and counts, never answers or scores."""
    stage = course.get("stage")
    if stage == "certified" and course.get("certificate"):
        return certificate_words(course["certificate"])
    if stage == "in_course":
        if not course.get("lessons_total"):
            return gettext("In the course")
        return ngettext("In the course (%(done)s of %(num)d lesson)", "In the course (%(done)s of %(num)d lessons)",
                        course["lessons_total"], done=course.get("lessons_done") or 0)
    if stage == "exam_failed":
        return gettext("Exam failed (attempt %(used)s of %(allowed)s)", used=course.get("attempts_used") or 0,
                       allowed=course.get("attempts_allowed") or 0)
    return str(COURSE_STAGES.get(stage, stage or ""))


COURSE_STAGES = {
    "exam_open": _l("Exam open"),
    "exam_passed": _l("Exam passed"),
    "out_of_attempts": _l("Out of attempts"),
    "access_expired": _l("Access ended"),
    "certified": _l("Certified"),
}


def progress_words(employee: Mapping[str, Any] | None) -> str:
    """A linked employee's progress as the company reads it: "Approved — use by 2027-03-01 (45 days left)", and
    past redemption their course and exam ("In the course (3 of 8 lessons)", "Certified — 7K3QD-9XH2A, …")."""
    if not employee:
        return ""
    if employee.get("course"):
        return course_words(employee["course"])
    progress = employee.get("progress") or "registered"
    words = str(PROGRESS.get(progress, progress))
    if progress == "approved" and employee.get("redeem_by"):
        return f"{words} — {deadline_words(employee['redeem_by'], employee.get('days_left'))}"
    return words


def localized(record: Mapping[str, Any] | None, name: str) -> str:
    """``record["<name>_<language>"]``, else the English one: the services keep every language side by side."""
    if not record:
        return ""
    return record.get(f"{name}_{current_language()}") or record.get(f"{name}_{DEFAULT_LANGUAGE}") or ""


CAUSES = {
    "company": _l("Your company"),
    "employee": _l("The employee"),
    "reviewer": _l("WSCC"),
    "admin": _l("WSCC"),
    "event order.paid": _l("Payment received"),
    "event application.approved": _l("WSCC approved the employee"),
    "event": _l("Automatically"),
    "task": _l("Automatically, at the deadline"),
}


def cause_words(cause: Any) -> str:
    """Who or what changed a code, as its company reads it ("company <id>", "event order.paid <id>", "task ...")."""
    text = (cause.get("text", "") if isinstance(cause, Mapping) else str(cause or "")).split()
    for key in (" ".join(text[:2]), text[0] if text else ""):
        if key in CAUSES:
            return str(CAUSES[key])
    return ""


# WSCC staff's view of an enrolment (the courses service's statuses), of a certificate and of the exceptions granted.
ENROLMENT_STATUSES = {
    "in_course": _l("In the course"),
    "exam_open": _l("Exam open"),
    "passed": _l("Passed — certificate being issued"),
    "awaiting_signoff": _l("Passed — waiting for WSCC's sign-off"),
    "certified": _l("Certified"),
    "failed": _l("Out of attempts"),
    "access_expired": _l("Access ended"),
}

CERTIFICATE_STATUSES = {  # a certificate's words (French agrees them with "certificat", a license's with "licence")
    "valid": lazy_pgettext("certificate", "Valid"),
    "expired": lazy_pgettext("certificate", "Expired"),
    "suspended": lazy_pgettext("certificate", "Suspended"),
    "revoked": lazy_pgettext("certificate", "Revoked"),
}

GRANT_KINDS = {
    "extra_attempt": _l("Another attempt"),
    "accommodation": _l("Accommodation: more time per attempt"),
}

SUBMITTED_BY = {
    "candidate": _l("By the candidate"),
    "deadline": _l("At the deadline"),
}


def enrolment_status(code: str) -> str:
    return str(ENROLMENT_STATUSES.get(code, code))


def certificate_status(code: str) -> str:
    return str(CERTIFICATE_STATUSES.get(code, code))


def grant_kind(code: str) -> str:
    return str(GRANT_KINDS.get(code, code))


def submitted_by(code: str | None) -> str:
    return str(SUBMITTED_BY.get(code or "", code or ""))
