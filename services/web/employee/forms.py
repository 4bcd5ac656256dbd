"""The employee's forms: the license code from the employer, choose a certification, upload a document."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from services.web.documents import max_megabytes
from services.web.forms import PortalForm

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


class ClaimCodeForm(PortalForm):
    # Long enough for a code typed with spaces or dashes anywhere; the licenses service judges the rest.
    code = StringField(_l("Enter the license code from your employer"), validators=[
        DataRequired(_l("Enter the code your employer gave you.")), Length(max=64, message=_TOO_LONG)],
        description=_l("For example ABCDE-FGHJK-MNPQR-STVWX. Capitals, spaces and dashes do not matter."))
    submit = SubmitField(_l("Link this code"))
