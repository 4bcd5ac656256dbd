"""The course's and the exam's forms: each button that changes something is a POST with its CSRF token; the
certificate lookup is a GET form (it changes nothing)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from services.web.forms import PortalForm

# What a question page's buttons do once the answer is saved.
MOVES = ("previous", "next", "review")


class LessonDoneForm(PortalForm):
    submit = SubmitField(_l("Mark as done and continue"))


class StartExamForm(PortalForm):
    submit = SubmitField(_l("Start the exam"))


class AnswerForm(PortalForm):
    # Option ids, as the attempt lists them; the courses service checks they belong to the question.
    chosen = SelectMultipleField(coerce=int, validate_choice=False)


class SubmitExamForm(PortalForm):
    submit = SubmitField(_l("Submit the exam"))


class VerifyForm(PortalForm):
    class Meta:
        csrf = False  # a lookup: nothing changes

    number = StringField(_l("Certificate number"), validators=[
        DataRequired(_l("Enter the number printed on the certificate.")), Length(max=40, message=_l(
            "A certificate number has 10 letters and digits."))],
        description=_l("For example 4K7QM-X2PBA. Capitals, spaces and dashes do not matter."))
    submit = SubmitField(_l("Check this certificate"))
