"""Every e-mail renders in English and French, wholly in the recipient's language."""
from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from markupsafe import escape

from services.notifications.i18n import TRANSLATIONS_DIR
from services.notifications.rendering import TEMPLATES_DIR, RenderedEmail, render_email
from tests.unit.notifications.samples import CONTEXTS, TEMPLATES

LANGUAGES = ("en", "fr")
NBSP = re.compile("[\u00a0\u202f]")
CODE_SHAPED = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}\b")


def render(template: str, language: str, **changes) -> RenderedEmail:
    return render_email(template, language, CONTEXTS[template] | changes, recipient_name="Élodie Tremblay",
                        contact_email="MiningCertification@wsc.nt.ca", display_timezone="America/Yellowknife")


def plain(text: str) -> str:
    """Babel and the French catalogue use no-break spaces where French wants them; compare on plain spaces."""
    return NBSP.sub(" ", text)


def english_phrases() -> list[str]:
    """The English sentences (placeholders cut out) that must never show in another language's e-mail."""
    with (TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file)
    phrases = []
    for message in catalog:
        for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
            phrases += [part.strip() for part in re.split(r"%\(\w+\)s", text) if len(part.strip()) >= 8]
    return phrases


def test_every_template_folder_has_a_sample_context():
    folders = {path.name for path in TEMPLATES_DIR.iterdir() if path.is_dir()}
    assert folders == set(TEMPLATES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_each_email_renders_subject_text_and_html_in_the_language_asked(template, language):
    email = render(template, language)
    assert email.language == language
    assert email.subject and "\n" not in email.subject
    assert f'<html lang="{language}">' in email.html
    assert f"<title>{escape(email.subject)}</title>" in email.html
    greeting = {"en": "Hello Élodie Tremblay,", "fr": "Bonjour Élodie Tremblay,"}[language]
    assert email.text.startswith(greeting + "\n")
    assert greeting in email.html
    for body in (email.subject, email.text, email.html):
        assert "%(" not in body and "{{" not in body and "{%" not in body


@pytest.mark.parametrize("template", TEMPLATES)
def test_french_emails_contain_no_english_sentence(template):
    email = render(template, "fr")
    leftovers = [phrase for phrase in english_phrases()
                 if phrase in email.subject or phrase in email.text or phrase in email.html]
    assert leftovers == []
    assert "CSTIT" in email.text and "WSCC" not in email.text.replace("WSCC-2026", "")


def test_french_subjects_read_naturally():
    assert [render(template, "fr").subject for template in ("codes_ready", "password_reset", "payment_receipt",
                                                             "profile_created")] == [
        "Vos codes de licence sont prêts (commande WSCC-2026-000042)",
        "Réinitialisation de votre mot de passe",
        "Reçu de paiement de la commande WSCC-2026-000042",
        "Le profil de votre entreprise a été créé",
    ]


def test_the_receipt_shows_the_order_and_its_amounts_in_english():
    email = render("payment_receipt", "en")
    for expected in ("Order number: WSCC-2026-000042", "Number of licenses: 7", "Price per license: $50.00",
                     "Total paid: $350.00", "Currency: CAD", "PayPal transaction ID: 3C679366HH908993F",
                     "Paid on: March 15, 2026, 3:05 p.m. MDT", CONTEXTS["payment_receipt"]["receipt_url"]):
        assert expected in plain(email.text)
    assert ">$350.00</td>" in email.html and ">$50.00</td>" in email.html
    assert f'href="{CONTEXTS["payment_receipt"]["receipt_url"]}"' in email.html


def test_the_receipt_shows_the_order_and_its_amounts_in_french():
    email = render("payment_receipt", "fr")
    for expected in ("Numéro de commande : WSCC-2026-000042", "Nombre de licences : 7",
                     "Prix par licence : 50,00 $", "Total payé : 350,00 $", "Devise : CAD",
                     "Numéro de transaction PayPal : 3C679366HH908993F",
                     "Date du paiement : 15 mars 2026, 15 h 05 HAR"):
        assert expected in plain(email.text)
    assert "350,00 $" in plain(email.html) and "Détails du paiement" in email.html


def test_large_amounts_and_other_currencies_are_written_by_babel():
    email = render("payment_receipt", "fr", quantity=100, unit_price="50.00", total="5000.00", currency="USD")
    assert "Total payé : 5 000,00 $ US" in plain(email.text)
    assert "Total paid: US$5,000.00" in plain(render("payment_receipt", "en", total="5000.00",
                                                     currency="USD").text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_codes_ready_links_to_the_licenses_page_and_carries_no_code(language):
    email = render("codes_ready", language)
    assert "https://portal.example/licenses" in email.text
    assert 'href="https://portal.example/licenses"' in email.html
    assert not CODE_SHAPED.search(email.text + email.html)


def test_codes_ready_names_the_portal_button_in_each_language():
    assert "“MANAGE LICENSES”" in render("codes_ready", "en").text
    assert "« GESTION DES LICENCES »" in plain(render("codes_ready", "fr").text)
    assert "Les 7 codes de licence de la commande WSCC-2026-000042 sont prêts." in render("codes_ready", "fr").text


def test_plural_forms_follow_the_number():
    assert "within 1 minute:" in render("password_reset", "en", expires_in_minutes=1).text
    assert "within 30 minutes:" in render("password_reset", "en", expires_in_minutes=30).text
    assert "d'ici 1 minute :" in plain(render("password_reset", "fr", expires_in_minutes=1).text)
    assert "d'ici 30 minutes :" in plain(render("password_reset", "fr", expires_in_minutes=30).text)


def test_a_language_without_translations_gets_english():
    email = render("profile_created", "iu")
    assert email.language == "en"
    assert email.subject == "Your company profile has been created"


def test_names_and_company_names_are_escaped_in_html_but_not_in_text():
    email = render("profile_created", "en", legal_name="<script>alert(1)</script> & Co")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in email.html
    assert "<script>" not in email.html
    assert "<script>alert(1)</script> & Co" in email.text


def test_every_email_gives_the_contact_address_as_a_mailto_link_in_html():
    for template in TEMPLATES:
        assert '<a href="mailto:MiningCertification@wsc.nt.ca"' in render(template, "fr").html
        assert "Écrivez-nous à MiningCertification@wsc.nt.ca." in render(template, "fr").text
