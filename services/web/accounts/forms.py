"""Registration, profile, sign-in and password forms, a company representative's and an employee's."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from services.web.accounts.employees import EmployeeDetails
from services.web.accounts.passwords import MIN_LENGTH, password_problem
from services.web.accounts.users import CompanyDetails
from services.web.forms import PortalForm
from services.web.i18n import language_name, supported_languages

EMAIL_TAKEN = _l("An account already uses this e-mail address. Log in, or use another address.")
PASSWORD_MESSAGES = {
    "too_short": _l("Use at least %(count)s characters.", count=MIN_LENGTH),
    "same_as_email": _l("Choose a password that is not your e-mail address."),
    "common_password": _l("This is one of the most common passwords: it is among the first ones tried."),
    "personal": _l("Do not build it on your name, your e-mail address or your company's name."),
    "names": _l("Names on their own are easy to guess."),
    "common_words": _l("Common words on their own are easy to guess."),
    "keyboard_pattern": _l("Rows and patterns of keys, like qwerty, are easy to guess."),
    "repeats": _l("Repeated characters or words, like aaa or abcabc, are easy to guess."),
    "sequence": _l("Sequences like abcd or 6543 are easy to guess."),
    "dates": _l("Dates and years are easy to guess."),
    "guessable": _l("This password is too easy to guess."),
}
STRONGER = _l("Add another word or two: uncommon words are better.")
WRONG_CURRENT_PASSWORD = _l("This is not your current password.")
_TOO_LONG = _l("Use at most %(max)d characters.")
# Fields whose content a password must not be built on, wherever a form has them.
_PERSONAL_FIELDS = ("name", "representative_name", "legal_name")


def email_field(label: str | None = None, required: str | None = None) -> EmailField:
    return EmailField(label or _l("E-mail address"), validators=[
        DataRequired(required or _l("Enter your e-mail address.")),
        Email(_l("Enter a valid e-mail address, like name@example.com.")),
        Length(max=254, message=_l("Use at most %(max)d characters."))])


def _text(label: Any, required_message: Any | None, maximum: int, *, area: bool = False) -> StringField:
    presence = DataRequired(required_message) if required_message else Optional()
    kind = TextAreaField if area else StringField
    return kind(label, validators=[presence, Length(max=maximum, message=_l("Use at most %(max)d characters."))])


def password_message(problem: str) -> str:
    """What is wrong, in the reader's language, and (past the first two rules) how to do better."""
    message = str(PASSWORD_MESSAGES[problem])
    return message if problem in ("too_short", "same_as_email") else f"{message} {STRONGER}"


class StrongPassword:
    """Long enough and hard to guess, judged with what the person told us: the form's ``email`` (or the account's
    ``known_email``) and its name fields (or the account's ``known_personal``)."""

    def __call__(self, form: FlaskForm, field: Any) -> None:
        email_input = getattr(form, "email", None)
        email = email_input.data if email_input else getattr(form, "known_email", None)
        personal = [getattr(form, name).data for name in _PERSONAL_FIELDS if hasattr(form, name)]
        problem = password_problem(field.data or "", email, [*personal, *getattr(form, "known_personal", ())])
        if problem:
            raise ValidationError(password_message(problem))


def new_password_fields() -> tuple[PasswordField, PasswordField]:
    return (PasswordField(_l("Password"), validators=[DataRequired(_l("Choose a password.")), StrongPassword()],
                          description=_l("At least %(count)s characters and hard to guess: a few uncommon words "
                                         "make a strong password.", count=MIN_LENGTH)),
            PasswordField(_l("Confirm the password"), validators=[
                DataRequired(_l("Type the password again.")),
                EqualTo("password", _l("The two passwords do not match."))]))


def current_password_field() -> PasswordField:
    """Asked on a profile only when the sign-in address changes (checked by the account's rules, not here)."""
    return PasswordField(_l("Current password"), validators=[Optional()],
                         description=_l("Needed only if you change your e-mail address."))


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
    current_password = current_password_field()
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
    current_password = None  # a new account has none
    password, confirm = new_password_fields()
    submit = SubmitField(_l("REGISTER"))


class LoginForm(PortalForm):
    email = email_field()
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    submit = SubmitField(_l("Log in"))


class ForgotPasswordForm(PortalForm):
    email = email_field()
    submit = SubmitField(_l("Send me a reset link"))


class ResendConfirmationForm(PortalForm):
    email = email_field()
    submit = SubmitField(_l("Send me a new confirmation link"))


class ConfirmEmailForm(PortalForm):
    submit = SubmitField(_l("Confirm my e-mail address"))


class NewPasswordForm(PortalForm):
    """Reset and change share it; ``known_email`` and ``known_personal`` (name, company) are the account's, which
    the password must not be built on."""

    password, confirm = new_password_fields()
    submit = SubmitField(_l("Save the new password"))

    def __init__(self, *args: Any, known_email: str | None = None, known_personal: tuple[str, ...] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_email, self.known_personal = known_email, known_personal


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Current password"),
                                     validators=[DataRequired(_l("Enter your current password."))])


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
