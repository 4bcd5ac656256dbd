"""What the administrator's edition pages say of the courses service's answers, in the reader's language: a rule
refused, a question bank's problems question by question, a draft that cannot be published yet."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _

from services.web.i18n import language_name
from services.web.templating import file_size

_BETWEEN = re.compile(r"must_be_between_(\d+)_and_(\d+)")
_TEXT_MISSING = re.compile(r"text_missing_([a-z]{2})")


def rule_message(code: str) -> str:
    between = _BETWEEN.fullmatch(code)
    if between:
        return _("Enter a whole number from %(low)s to %(high)s.", low=between.group(1), high=between.group(2))
    messages = {
        "must_be_a_whole_number": _("Enter a whole number, for example 20."),
        "must_be_true_or_false": _("Choose whether WSCC signs off each pass."),
        "more_than_the_bank_holds": _("The question bank holds fewer questions than this: import a bigger bank "
                                      "first, or draw fewer questions."),
    }
    return messages.get(code, _("This value cannot be saved."))


def problem_words(code: str) -> str:
    """One problem of one question, to follow "Question 3 “Name”:"."""
    missing = _TEXT_MISSING.fullmatch(code)
    if missing:
        return {"en": _("the English text is missing"), "fr": _("the French text is missing")}.get(
            missing.group(1), _("the text in %(language)s is missing", language=language_name(missing.group(1))))
    if code.startswith("unsupported_type:"):
        return _("its type “%(kind)s” cannot be imported: use multiple choice or true/false",
                 kind=code.split(":", 1)[1])
    messages = {
        "topic_needs_english_and_french": _("its topic (the Moodle category above it) needs a name in English and "
                                            "in French"),
        "text_too_long": _("its text is too long"),
        "needs_2_to_10_options": _("it needs 2 to 10 options"),
        "fraction_not_a_number": _("an option's grade (fraction) is not a number"),
        "option_needs_english_and_french": _("each option needs a text in English and in French"),
        "single_needs_exactly_one_right_option": _("a one-answer question needs exactly one right option (grade "
                                                   "100)"),
        "multiple_needs_right_options_summing_to_100": _("a several-answer question needs at least two right "
                                                         "options whose grades add up to 100"),
        "true_false_needs_one_true_and_one_false": _("a true/false question needs one right and one wrong answer"),
        "duplicate_idnumber": _("another question of the file has the same ID number"),
    }
    return messages.get(code, _("it cannot be imported (%(code)s)", code=code))


def question_problem(entry: Mapping[str, Any]) -> str:
    """"Question 3 “Ground control 1”: the French text is missing; it needs 2 to 10 options"."""
    problems = "; ".join(problem_words(code) for code in entry.get("problems", []))
    if not entry.get("question"):
        return _("The file has no question.") if "no_questions" in entry.get("problems", []) else problems
    if entry.get("name"):
        return _("Question %(number)s “%(name)s”: %(problems)s", number=entry["question"], name=entry["name"],
                 problems=problems)
    return _("Question %(number)s: %(problems)s", number=entry["question"], problems=problems)


def bank_refused_message(code: str, fields: Mapping[str, Any]) -> str:
    if code == "file_too_big":
        return _("The file is larger than %(size)s. Split the bank, or remove what it does not need (images inside "
                 "the questions).", size=file_size(int(fields.get("max_bytes") or 0)))
    if code == "unreadable_file":
        return _("This file is not a Moodle XML question bank. In Moodle, export the questions in “Moodle XML "
                 "format”; a file written by hand must be well-formed XML.")
    if code == "bank_too_small":
        return _("The file has %(questions)s questions, and each attempt draws %(per_attempt)s: import a bank with "
                 "at least that many, or draw fewer questions per attempt first.",
                 questions=fields.get("questions", 0), per_attempt=fields.get("questions_per_attempt", 0))
    if code == "invalid_questions":
        return _("Nothing was imported: the file has questions that cannot be taken. Correct them and import the "
                 "whole file again.")
    return _("This file cannot be imported.")


def publish_refused_message(code: str, fields: Mapping[str, Any]) -> str:
    if code == "edition_incomplete":
        return _("This draft cannot be published yet: it needs at least one lesson, and a question bank of at least "
                 "%(needed)s questions (it has %(questions)s).", needed=fields.get("questions_per_attempt", 0),
                 questions=fields.get("questions", 0))
    return _("This draft changed in the meantime and cannot be published now. Reload the page and try again.")


def course_problem(code: str) -> str:
    """The service names a lesson's field as "<lesson key>:<field>"."""
    if code == "required":
        return _("This field is required.")
    if code == "duplicate_key":
        return _("Another lesson or module has the same key.")
    return _("This value cannot be saved.")
