"""The employee's forms: registration, profile, and the license code from the employer."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField, TelField
from wtforms.validators import DataRequired, Length

from services.web.employees import EmployeeDetails
from services.web.forms.accounts import current_password_field, email_field, new_password_fields
from services.web.forms.text import PortalForm
from services.web.i18n import language_name, supported_languages

_TOO_LONG = _l("Use at most %(max)d characters.")


class EmployeeProfileForm(PortalForm):
    name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter your name.")),
                                                    Length(max=200, message=_TOO_LONG)])
    email = email_field()
    phone = TelField(_l("Phone number"), validators=[DataRequired(_l("Enter a phone number.")),
                                                     Length(max=40, message=_TOO_LONG)])
    language = SelectField(_l("Preferred language"),
                           validators=[DataRequired(_l("Choose the language of your pages and e-mails."))])
    current_password = current_password_field()
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [(code, language_name(code)) for code in supported_languages()]

    def details(self) -> EmployeeDetails:
        return EmployeeDetails(name=self.name.data, email=self.email.data, phone=self.phone.data,
                               language=self.language.data)


class EmployeeRegistrationForm(EmployeeProfileForm):
    current_password = None  # a new account has none
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Create my employee account"))


class ClaimCodeForm(PortalForm):
    # Long enough for a code typed with spaces or dashes anywhere; the licenses service judges the rest.
    code = StringField(_l("Enter the license code from your employer"), validators=[
        DataRequired(_l("Enter the code your employer gave you.")), Length(max=64, message=_TOO_LONG)],
        description=_l("For example ABCDE-FGHJK-MNPQR-STVWX. Capitals, spaces and dashes do not matter."))
    submit = SubmitField(_l("Link this code"))
