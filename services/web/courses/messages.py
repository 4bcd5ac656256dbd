"""The courses service's codes as sentences in the reader's language: refusals (docs/internal-api.md, "courses")
and the exam's state (the statuses' words are in services/web/statuses.py, with the staff pages')."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from services.web.courses.progress import ExamOutlook
from services.web.statuses import long_day
from services.web.templating import clock, moment

WSCC_ADDRESS = "MiningCertification@wsc.nt.ca"


def access_ended_message(access_ends_at: str | None) -> str:
    if not access_ends_at:
        return _("Your access to this course has ended.")
    return _("Your access to this course ended on %(date)s at %(time)s.", date=long_day(access_ends_at),
             time=clock(access_ends_at))


def exam_refusal_message(code: str, fields: dict | None = None) -> str:
    """Why the exam cannot start (the exam page's reasons, and start_attempt's ``exam_…`` refusals)."""
    fields = fields or {}
    code = code.removeprefix("exam_")
    if code == "wait" and fields.get("until"):
        return _("You can start your next attempt on %(moment)s.", moment=moment(fields["until"]))
    if code == "access_ended":
        return access_ended_message(fields.get("until") or fields.get("access_ends_at"))
    messages = {
        "course_incomplete": _("Finish every lesson of the course first: the exam opens once the course is done."),
        "wait": _("You must wait before your next attempt."),
        "no_attempts_left": no_attempts_left_message(),
        "too_late": _("Your access to this course ends before another attempt could start. Contact WSCC at "
                      "%(address)s to ask what you can do next.", address=WSCC_ADDRESS),
        "passed": _("You passed the exam."),
        "attempt_open": _("You have an exam attempt in progress."),
    }
    return messages.get(code, _("The exam cannot be started now."))


def exam_state_message(outlook: ExamOutlook) -> str:
    """The exam section's sentence, the same on the course outline, the exam page and the result page."""
    if outlook.reason is None:
        return ngettext("The exam is open. You have %(num)d attempt left.",
                        "The exam is open. You have %(num)d attempts left.", outlook.attempts_left)
    if outlook.reason == "attempt_open":
        return _("You have an exam attempt in progress: the time keeps running, so go back to it now.")
    if outlook.reason == "wait" and outlook.next_attempt_at:
        return ngettext("You can start your next attempt on %(moment)s. You have %(num)d attempt left.",
                        "You can start your next attempt on %(moment)s. You have %(num)d attempts left.",
                        outlook.attempts_left, moment=moment(outlook.next_attempt_at))
    if outlook.reason == "passed":
        return {"certified": _("You passed the exam. Your certificate is issued."),
                "awaiting_signoff": _("You passed the exam. WSCC signs off each result of this certification "
                                      "before the certificate is issued: you will receive an e-mail when it is."),
                }.get(outlook.status, _("You passed the exam. Your certificate is being prepared."))
    if outlook.reason == "access_ended":
        return access_ended_message(outlook.access_ends_at)
    return exam_refusal_message(outlook.reason)


def no_attempts_left_message() -> str:
    return _("You have used all your attempts. Contact WSCC at %(address)s to ask what you can do next.",
             address=WSCC_ADDRESS)


def answer_refusal_message(code: str) -> str:
    """Why an answer was not saved."""
    messages = {
        "attempt_time_is_up": _("The time for this exam is up: this answer was not saved. The answers saved before "
                                "the end of the time are graded."),
        "attempt_submitted": _("This exam was already submitted: answers can no longer be changed."),
        "one_option_only": _("Choose only one answer to this question."),
        "not_an_option": _("Choose among the answers shown."),
        "not_in_attempt": _("This question is not part of your exam."),
    }
    return messages.get(code, _("Your answer could not be saved. Try again."))


def lesson_refusal_message(code: str, fields: dict | None = None) -> str:
    if code == "access_ended":
        return access_ended_message((fields or {}).get("access_ends_at"))
    return _("This lesson cannot be marked as done now. Try again.")


def verification_message(code: str) -> str:
    messages = {
        "mistyped_number": _("One character of this number seems mistyped. Compare it with the number on the "
                             "certificate."),
        "malformed_number": _("This is not a certificate number. A certificate number has 10 letters and digits, "
                              "for example 4K7QM-X2PBA."),
        "no_such_certificate": _("No certificate has this number. Compare it with the number on the certificate; "
                                 "if it is right, contact WSCC at %(address)s.", address=WSCC_ADDRESS),
    }
    return messages.get(code, _("This number cannot be checked now. Try again."))


def withdrawn_message(status: str) -> str:
    """Why a certificate can be neither downloaded nor put in a wallet: it is suspended or revoked."""
    if status == "suspended":
        return _("This certificate is suspended: it cannot be downloaded or shared while it is. Its verification "
                 "page says so to anyone who checks it. To know more, write to WSCC at %(address)s.",
                 address=WSCC_ADDRESS)
    return _("This certificate was revoked: it can no longer be downloaded or shared. Its verification page says "
             "so to anyone who checks it. To know more, write to WSCC at %(address)s.", address=WSCC_ADDRESS)
