"""CREATE A NEW PROFILE: required fields, a valid address, a strong password typed twice."""
from services.web.accounts.forms import RegistrationForm
from tests.unit.web.conftest import form_context

GOOD = {"legal_name": "Tundra Gold Mines Ltd.", "representative_name": "Ann Example", "email": "ann@tundra.example",
        "phone": "867-555-0100", "mailing_address": "1 Main St\nYellowknife NT", "language": "fr",
        "password": "correct horse battery", "confirm": "correct horse battery"}


def errors_for(app, **changes):
    with form_context(app, GOOD | changes):
        form = RegistrationForm()
        form.validate()
        return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def test_a_complete_profile_has_no_error(app):
    assert errors_for(app) == {}


def test_each_missing_required_field_gets_its_own_message(app):
    errors = errors_for(app, legal_name="", representative_name="", email="", phone="", mailing_address="",
                        password="", confirm="")
    assert set(errors) == {"legal_name", "representative_name", "email", "phone", "mailing_address", "password",
                           "confirm"}
    assert errors["legal_name"] == ["Enter the company's legal name."]


def test_the_employer_account_number_and_site_are_optional(app):
    assert errors_for(app, employer_account_number="", site="") == {}


def test_an_address_without_a_domain_is_refused(app):
    assert errors_for(app, email="ann@")["email"] == ["Enter a valid e-mail address, like name@example.com."]


def test_a_password_shorter_than_12_characters_is_refused(app):
    assert errors_for(app, password="short pass", confirm="short pass")["password"] == [
        "Use at least 12 characters."]


def test_the_password_may_not_be_the_email_address_in_any_case(app):
    errors = errors_for(app, email="Longer.Address@tundra.example", password="longer.address@TUNDRA.example",
                        confirm="longer.address@TUNDRA.example")
    assert errors["password"] == ["Choose a password that is not your e-mail address."]


def test_the_confirmation_must_match(app):
    assert errors_for(app, confirm="correct horse battery!")["confirm"] == ["The two passwords do not match."]


def test_an_unknown_language_is_refused(app):
    assert "language" in errors_for(app, language="xx")


def test_messages_are_in_french_for_a_french_reader(app):
    with form_context(app, GOOD | {"legal_name": "", "password": "court", "confirm": "court"}, "fr"):
        form = RegistrationForm()
        form.validate()
        assert form.errors["legal_name"] == ["Inscrivez la raison sociale de l'entreprise."]
        assert form.errors["password"] == ["Utilisez au moins 12 caractères."]


COMMON_PASSWORD_EN = ("This is one of the most common passwords: it is among the first ones tried. "
                      "Add another word or two: uncommon words are better.")
COMMON_PASSWORD_FR = ("C'est l'un des mots de passe les plus répandus\u00a0: il fait partie des premiers essayés. "
                      "Ajoutez un ou deux mots de plus\u00a0: des mots peu courants, c'est mieux.")


def test_common_and_breached_passwords_are_refused_saying_why_in_english_and_french(app):
    for weak in ("password1234", "qwertyuiop123"):
        assert errors_for(app, password=weak, confirm=weak)["password"] == [COMMON_PASSWORD_EN]
        with form_context(app, GOOD | {"password": weak, "confirm": weak}, "fr"):
            form = RegistrationForm()
            form.validate()
            assert [str(message) for message in form.errors["password"]] == [COMMON_PASSWORD_FR]


def test_a_password_built_on_the_persons_own_details_is_refused(app):
    errors = errors_for(app, password="Ann Example 2024", confirm="Ann Example 2024")
    assert errors["password"] == ["Do not build it on your name, your e-mail address or your company's name. "
                                  "Add another word or two: uncommon words are better."]


def test_a_strong_password_is_accepted(app):
    assert errors_for(app, password="tern quarry lantern oboe", confirm="tern quarry lantern oboe") == {}
