"""The employee's application forms: choose a certification, upload a document, and the reviewers' decisions."""
from __future__ import annotations

from typing import Any

from babel.numbers import format_decimal
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField, SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from services.web.forms.text import PortalForm
from services.web.i18n import current_language

# What the file chooser offers; the applications service checks the content, not this list.
ACCEPTED_FILES = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
_TOO_LONG = _l("Use at most %(max)d characters.")


class ApplyForm(PortalForm):
    certification = RadioField(_l("Certification"), validators=[
        DataRequired(_l("Choose the certification you apply for."))], validate_choice=False)
    submit = SubmitField(_l("Apply"))


class UploadForm(PortalForm):
    requirement_code = HiddenField()
    file = FileField(_l("Choose a file"), validators=[FileRequired(_l("Choose a file to upload."))])
    submit = SubmitField(_l("Upload"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.file.description = _l("PDF, JPEG or PNG, at most %(size)s MB.", size=max_megabytes())


def max_megabytes() -> str:
    """The document size limit in megabytes."""
    return megabytes(current_app.config["WSCC_SETTINGS"].max_document_bytes)


def megabytes(size: int) -> str:
    """A size in megabytes, as the reader's language writes the number ("10", "0,5")."""
    return format_decimal(size / (1024 * 1024), format="#,##0.##", locale=current_language())


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
