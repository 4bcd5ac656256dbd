"""The reviewers' forms: the queue's filter, the decisions that need words (refuse, ask for documents), finding a
candidate, signing off a passed exam, searching the certificate register."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from services.web.forms import PortalForm

_TOO_LONG = _l("Use at most %(max)d characters.")


class RefuseForm(PortalForm):
    reason = TextAreaField(_l("Reason for the refusal"), validators=[
        DataRequired(_l("Write the reason: the employee will read it. Their employer is only told that the application was refused.")),
        Length(max=2000, message=_TOO_LONG)],
        description=_l("The employee reads this reason in the portal and in an e-mail."))
    submit = SubmitField(_l("Refuse"))


class RequestDocumentsForm(PortalForm):
    message = TextAreaField(_l("Message to the employee"), validators=[
        DataRequired(_l("Write which documents are needed and why.")), Length(max=2000, message=_TOO_LONG)],
        description=_l("Say which documents are missing or unclear."))
    submit = SubmitField(_l("Request more documents"))


class QueueFilterForm(PortalForm):
    class Meta:
        csrf = False  # a GET search form: nothing changes

    certification = SelectField(_l("Certification"), validate_choice=False)
    submit = SubmitField(_l("Filter"))


class FindCandidateForm(PortalForm):
    class Meta:
        csrf = False  # a GET search form: nothing changes

    employee = StringField(_l("Employee's e-mail address or id"), validators=[
        DataRequired(_l("Enter the employee's e-mail address or id.")), Length(max=254, message=_TOO_LONG)])
    submit = SubmitField(_l("Find the candidate"))


class SignoffForm(PortalForm):
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000, message=_TOO_LONG)],
                         description=_l("For WSCC's records, for example the interview's date and the inspector."))
    submit = SubmitField(_l("Sign off and issue the certificate"))


class RegisterSearchForm(PortalForm):
    class Meta:
        csrf = False  # a GET search form: nothing changes

    q = StringField(_l("Certificate number or holder's name"), validators=[Length(max=200, message=_TOO_LONG)])
    submit = SubmitField(_l("Search"))
