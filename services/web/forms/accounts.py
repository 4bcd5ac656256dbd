"""Registration, profile, sign-in and password forms."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from services.web.accounts import CompanyDetails
from services.web.forms.text import PortalForm
from services.web.i18n import language_name, supported_languages
from services.web.passwords import MIN_LENGTH, password_problem

EMAIL_TAKEN = _l("An account already uses this e-mail address. Log in, or use another address.")
PASSWORD_MESSAGES = {
    "too_short": _l("Use at least %(count)s characters.", count=MIN_LENGTH),
    "same_as_email": _l("Choose a password that is not your e-mail address."),
}


def email_field() -> EmailField:
    return EmailField(_l("E-mail address"), validators=[
        DataRequired(_l("Enter your e-mail address.")),
        Email(_l("Enter a valid e-mail address, like name@example.com.")),
        Length(max=254, message=_l("Use at most %(max)d characters."))])


def _text(label: Any, required_message: Any | None, maximum: int, *, area: bool = False) -> StringField:
    presence = DataRequired(required_message) if required_message else Optional()
    kind = TextAreaField if area else StringField
    return kind(label, validators=[presence, Length(max=maximum, message=_l("Use at most %(max)d characters."))])


class StrongPassword:
    """At least MIN_LENGTH characters and not the address given in the form's ``email`` field (if any)."""

    def __call__(self, form: FlaskForm, field: Any) -> None:
        email_input = getattr(form, "email", None)
        problem = password_problem(field.data or "", email_input.data if email_input else form.known_email)
        if problem:
            raise ValidationError(str(PASSWORD_MESSAGES[problem]))


def new_password_fields() -> tuple[PasswordField, PasswordField]:
    return (PasswordField(_l("Password"), validators=[DataRequired(_l("Choose a password.")), StrongPassword()],
                          description=_l("At least %(count)s characters; not your e-mail address.",
                                         count=MIN_LENGTH)),
            PasswordField(_l("Confirm the password"), validators=[
                DataRequired(_l("Type the password again.")),
                EqualTo("password", _l("The two passwords do not match."))]))


class ProfileForm(PortalForm):
    legal_name = _text(_l("Company legal name"), _l("Enter the company's legal name."), 200)
    representative_name = _text(_l("Representative's name"), _l("Enter your name."), 200)
    email = email_field()
    phone = TelField(_l("Phone number"), validators=[
        DataRequired(_l("Enter a phone number.")), Length(max=40, message=_l("Use at most %(max)d characters."))])
    mailing_address = _text(_l("Mailing address"), _l("Enter the mailing address."), 500, area=True)
    employer_account_number = _text(_l("WSCC employer account number"), None, 40)
    site = _text(_l("Mine or site"), None, 200)
    language = SelectField(_l("Preferred language"))
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [(code, language_name(code)) for code in supported_languages()]

    def details(self) -> CompanyDetails:
        return CompanyDetails(
            legal_name=self.legal_name.data, representative_name=self.representative_name.data,
            email=self.email.data, phone=self.phone.data, mailing_address=self.mailing_address.data,
            employer_account_number=self.employer_account_number.data, site=self.site.data,
            language=self.language.data)


class RegistrationForm(ProfileForm):
    password, confirm = new_password_fields()
    submit = SubmitField(_l("REGISTER"))


class LoginForm(PortalForm):
    email = email_field()
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    submit = SubmitField(_l("Log in"))


class ForgotPasswordForm(PortalForm):
    email = email_field()
    submit = SubmitField(_l("Send me a reset link"))


class NewPasswordForm(PortalForm):
    """Reset and change share it; ``known_email`` is the account's address, which the password must not be."""

    password, confirm = new_password_fields()
    submit = SubmitField(_l("Save the new password"))

    def __init__(self, *args: Any, known_email: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_email = known_email


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Current password"),
                                     validators=[DataRequired(_l("Enter your current password."))])
