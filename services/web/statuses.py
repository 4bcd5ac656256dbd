"""The journey's states in words, in the reader's language: applications, decisions, a company's view of its
employee's progress, and the names the services give in every language (certifications, requirements)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from flask import current_app
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l

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


def progress_words(employee: Mapping[str, Any] | None) -> str:
    """A linked employee's progress as the company reads it: "Approved — use by 2027-03-01 (45 days left)"."""
    if not employee:
        return ""
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
