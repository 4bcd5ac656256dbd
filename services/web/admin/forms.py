"""The administrator's forms: staff accounts, certifications with their required documents, reinstatement, a
candidate's exceptions, a certificate's status, and a course edition's rules, lessons and question bank."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, FieldList, FormField, IntegerField, SelectField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from services.web.accounts.forms import StrongPassword, email_field
from services.web.admin.staff import StaffDetails
from services.web.forms import PortalForm, PortalSubform
from services.web.i18n import language_name, supported_languages
from services.web.models import Role

_TOO_LONG = _l("Use at most %(max)d characters.")
# Blank rows let an administrator add requirements without JavaScript.
BLANK_REQUIREMENT_ROWS = 2


class FindAccountForm(PortalForm):
    """Any account (a company's, an employee's, staff), by its e-mail address."""
    email = email_field(_l("The account's e-mail address"), _l("Enter the e-mail address of the account."))
    submit = SubmitField(_l("Find the account"))


class DisableAccountForm(PortalForm):
    confirm = BooleanField(_l("Yes, disable this account: the person is logged out at once and cannot log in"),
                           validators=[DataRequired(_l("Tick the box to confirm."))])
    submit = SubmitField(_l("Disable the account"))


class EnableAccountForm(PortalForm):
    submit = SubmitField(_l("Enable the account again"))


class StaffForm(PortalForm):
    name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter the person's name.")),
                                                    Length(max=200, message=_TOO_LONG)])
    email = email_field()
    role = SelectField(_l("Role"), validators=[DataRequired(_l("Choose a role."))])
    language = SelectField(_l("Preferred language"), validators=[DataRequired(_l("Choose a language."))])
    password = StringField(_l("Temporary password"), validators=[
        DataRequired(_l("Choose a temporary password.")), StrongPassword()],
        description=_l("Give it to the person yourself; they must replace it when they first log in."))
    submit = SubmitField(_l("Create the account"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [(code, language_name(code)) for code in supported_languages()]
        self.role.choices = [(Role.REVIEWER.value, _l("Reviewer")), (Role.ADMIN.value, _l("Administrator"))]

    def details(self) -> StaffDetails:
        return StaffDetails(name=self.name.data, email=self.email.data, role=Role(self.role.data),
                            language=self.language.data)


class RequirementForm(PortalSubform):
    """One required document; a row left entirely blank is no requirement (how one is removed or not added)."""

    code = StringField(_l("Code"), validators=[Optional(), Regexp(r"^[a-z0-9_]{2,60}$", message=_l(
        "Use 2 to 60 lower-case letters, digits or underscores."))])
    name_en = StringField(_l("Name in English"), validators=[Length(max=200, message=_TOO_LONG)])
    name_fr = StringField(_l("Name in French"), validators=[Length(max=200, message=_TOO_LONG)])
    description_en = TextAreaField(_l("Description in English"), validators=[Length(max=2000, message=_TOO_LONG)])
    description_fr = TextAreaField(_l("Description in French"), validators=[Length(max=2000, message=_TOO_LONG)])

    def is_blank(self) -> bool:
        return not any((entry.data or "").strip() for entry in self)


class CertificationForm(PortalForm):
    name_en = StringField(_l("Name in English"), validators=[DataRequired(_l("Enter the name in English.")),
                                                             Length(max=200, message=_TOO_LONG)])
    name_fr = StringField(_l("Name in French"), validators=[DataRequired(_l("Enter the name in French.")),
                                                            Length(max=200, message=_TOO_LONG)])
    requirements = FieldList(FormField(RequirementForm), min_entries=0)
    submit = SubmitField(_l("Save the certification"))

    def validate_requirements(self, field: Any) -> None:
        """Each kept row needs a code and both names; codes are unique within the certification."""
        seen = set()
        for row in field:
            if row.form.is_blank():
                continue
            for name in ("code", "name_en", "name_fr"):
                if not (row.form[name].data or "").strip():
                    row.form[name].errors = [*row.form[name].errors, str(_l("Required for a document."))]
            code = (row.form.code.data or "").strip()
            if code in seen:
                row.form.code.errors = [*row.form.code.errors, str(_l("Each document needs its own code."))]
            seen.add(code)

    def has_row_errors(self) -> bool:
        return any(row.form.errors for row in self.requirements)

    def kept_rows(self) -> list[RequirementForm]:
        return [row.form for row in self.requirements if not row.form.is_blank()]

    def payload(self) -> dict:
        requirements = [{name: (row[name].data or "").strip() for name in (
            "code", "name_en", "name_fr", "description_en", "description_fr")} for row in self.kept_rows()]
        return {"name_en": self.name_en.data.strip(), "name_fr": self.name_fr.data.strip(),
                "requirements": requirements}


class DayField(DateField):
    """A date typed as YYYY-MM-DD (or picked), with the portal's own message when it is not one."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Enter the date as YYYY-MM-DD, for example 2025-03-31."))) from None


class ReinstateForm(PortalForm):
    """A license by its code, and its new deadline; "Look up" shows the license first and needs only the code."""

    code = StringField(_l("License code"), validators=[DataRequired(_l("Enter the license code."))],
                       description=_l("20 letters and digits, as the company or the employee gives it; case, spaces "
                                      "and dashes do not matter."))
    lookup = SubmitField(_l("Look up the license"))
    # InputRequired, not DataRequired: the latter would replace "not a date" by "missing".
    redeem_by = DayField(_l("New deadline"), validators=[InputRequired(_l("Enter the new deadline as YYYY-MM-DD."))],
                          description=_l("The license can be used until the end of this day."))
    submit = SubmitField(_l("Reinstate the license"))

    def looking_up(self) -> bool:
        return bool(self.lookup.data)

    def validate(self, extra_validators: Any = None) -> bool:
        if super().validate(extra_validators):
            return True
        if self.looking_up():  # a look-up ignores the deadline: it may not be chosen yet
            self.redeem_by.errors = []
            return not self.errors
        return False


def _reason_field(label: Any, description: Any) -> TextAreaField:
    return TextAreaField(label, validators=[DataRequired(_l("Write the reason: it is kept with the change.")),
                                            Length(max=2000, message=_TOO_LONG)], description=description)


class ExtraAttemptForm(PortalForm):
    reason = _reason_field(_l("Reason for another attempt"),
                           _l("Kept with the grant, with your name and the time."))
    submit = SubmitField(_l("Grant another attempt"))


class AccommodationForm(PortalForm):
    multiplier = StringField(_l("Time multiplier"), validators=[DataRequired(_l("Enter a multiplier from 1.00 to "
                                                                               "4.00, for example 1.50."))],
                             description=_l("From 1.00 to 4.00: 1.50 gives 90 minutes for a 60-minute exam. Applies "
                                            "to attempts started from now on."))
    reason = _reason_field(_l("Reason for the accommodation"),
                           _l("Kept with the grant, with your name and the time."))
    submit = SubmitField(_l("Set the accommodation"))

    def multiplier_value(self) -> str:
        """As typed, with a decimal comma read as a point (1,5 is 1.5)."""
        return (self.multiplier.data or "").strip().replace(",", ".")


class CertificateStatusForm(PortalForm):
    reason = _reason_field(_l("Reason"), _l("Kept in the certificate's history, with your name and the time."))
    submit = SubmitField(_l("Change the status"))


class RulesForm(PortalForm):
    """An edition's eight rules. The courses service decides what is allowed (services/courses/rules.py): this form
    passes whole numbers on as numbers and anything else as typed, and shows the service's answer per field."""

    questions_per_attempt = StringField(_l("Questions per attempt"),
                                        description=_l("Drawn at random from the question bank for each attempt."))
    pass_mark_percent = StringField(_l("Pass mark (percent)"),
                                    description=_l("The share of questions answered right that passes."))
    time_limit_minutes = StringField(_l("Time limit (minutes)"),
                                     description=_l("For one attempt, before any accommodation."))
    attempts_allowed = StringField(_l("Attempts allowed"))
    wait_between_attempts_hours = StringField(_l("Wait between attempts (hours)"),
                                              description=_l("168 hours is one week."))
    access_days = StringField(_l("Access to the course and exam (days)"),
                              description=_l("Counted from the day the license is used."))
    signoff_required = BooleanField(_l("WSCC signs off each pass before the certificate is issued"),
                                    description=_l("For example after an interview with an inspector."))
    certificate_valid_months = StringField(_l("Certificate valid for (months)"), description=_l("60 months is "
                                                                                                  "five years."))
    submit = SubmitField(_l("Save the rules"))

    NUMBERS = ("questions_per_attempt", "pass_mark_percent", "time_limit_minutes", "attempts_allowed",
               "wait_between_attempts_hours", "access_days", "certificate_valid_months")

    def payload(self) -> dict:
        values: dict[str, Any] = {"signoff_required": bool(self.signoff_required.data)}
        for name in self.NUMBERS:
            typed = (self[name].data or "").strip()
            values[name] = int(typed) if typed.isdigit() else typed
        return values


class LessonForm(PortalForm):
    title_en = StringField(_l("Title in English"), validators=[DataRequired(_l("Enter the title in English.")),
                                                               Length(max=200, message=_TOO_LONG)])
    title_fr = StringField(_l("Title in French"), validators=[DataRequired(_l("Enter the title in French.")),
                                                              Length(max=200, message=_TOO_LONG)])
    minutes = IntegerField(_l("Reading time (minutes)"), validators=[
        InputRequired(_l("Enter the reading time in minutes.")),
        NumberRange(min=1, max=240, message=_l("Enter a whole number of minutes from 1 to 240."))])
    body_en = TextAreaField(_l("Text in English (Markdown)"), validators=[
        DataRequired(_l("Write the lesson's text in English.")), Length(max=50000, message=_TOO_LONG)])
    body_fr = TextAreaField(_l("Text in French (Markdown)"), validators=[
        DataRequired(_l("Write the lesson's text in French.")), Length(max=50000, message=_TOO_LONG)])
    submit = SubmitField(_l("Save the lesson"))
    MARKDOWN_HINT = _l("Markdown: ## for a heading, **bold**, - for a list, [words](https://…) for a link. HTML is "
                       "shown as typed, and images as their description only.")
    preview = SubmitField(_l("Save and preview"))


class BankForm(PortalForm):
    file = FileField(_l("Question bank (Moodle XML)"), validators=[FileRequired(_l("Choose a Moodle XML file."))])
    submit = SubmitField(_l("Import the question bank"))


class DraftActionForm(PortalForm):
    """Start, publish: a button and the CSRF token."""


class DiscardDraftForm(PortalForm):
    confirm = BooleanField(_l("Yes, discard this draft: its rules, lessons and question bank are lost"),
                           validators=[DataRequired(_l("Tick the box to confirm."))])
    submit = SubmitField(_l("Discard the draft"))
