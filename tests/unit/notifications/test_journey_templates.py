"""The employee's journey and the license's life, in English and French: deadlines, reasons, names, links."""
from __future__ import annotations

import pytest

from tests.unit.notifications.samples import (
    CERTIFICATION, CONTEXTS, EMPLOYEE_PAGE, EMPLOYEE_TEMPLATES, EMPLOYER_TEMPLATES, LEARNING_TEMPLATES, LICENSES_PAGE,
    REASON)
from tests.unit.notifications.test_templates import CODE_SHAPED, plain, render

WITH_DEADLINE = sorted(name for name, context in CONTEXTS.items() if "redeem_by" in context)
# Up to the course (its e-mails and the certificate's: test_course_templates.py).
JOURNEY = [name for name in EMPLOYEE_TEMPLATES + EMPLOYER_TEMPLATES if name not in LEARNING_TEMPLATES]
DEADLINE_WRITTEN = {"en": "June 13, 2026, 3:05 p.m. MDT", "fr": "13 juin 2026, 15 h 05 HAR"}
CERTIFICATION_WRITTEN = {"en": CERTIFICATION["name_en"], "fr": CERTIFICATION["name_fr"]}


def everything(email) -> str:
    return plain(email.subject + "\n" + email.text + "\n" + email.html)


def test_the_samples_cover_both_audiences():
    assert len(EMPLOYEE_TEMPLATES) == 9 and len(EMPLOYER_TEMPLATES) == 18 and len(JOURNEY) == 16


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("template", WITH_DEADLINE)
def test_deadlines_are_written_in_the_language_and_the_offices_time_zone(template, language):
    email = render(template, language)
    assert DEADLINE_WRITTEN[language] in plain(email.text)
    assert f"<strong>{DEADLINE_WRITTEN[language]}</strong>" in plain(email.html)
    assert "2026-06-13" not in email.text + email.html


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("template", sorted(name for name, context in CONTEXTS.items() if "certification" in context))
def test_the_certification_is_named_in_the_language(template, language):
    email = render(template, language)
    other = CERTIFICATION_WRITTEN["fr" if language == "en" else "en"]
    assert CERTIFICATION_WRITTEN[language] in email.text and other not in everything(email)


def test_a_language_without_its_own_certification_names_gets_the_english_one():
    assert CERTIFICATION["name_en"] in render("application_approved", "iu").text


@pytest.mark.parametrize("template", EMPLOYEE_TEMPLATES)
def test_employee_emails_link_to_the_employee_page_only(template):
    for language in ("en", "fr"):
        email = render(template, language)
        assert EMPLOYEE_PAGE in email.text and f'href="{EMPLOYEE_PAGE}"' in email.html
        assert LICENSES_PAGE not in email.text + email.html
        assert not CODE_SHAPED.search(email.text + email.html)


@pytest.mark.parametrize("template", EMPLOYER_TEMPLATES)
def test_company_emails_name_the_employee_and_link_to_manage_licenses(template):
    english, french = render(template, "en"), render(template, "fr")
    for email in (english, french):
        assert "Sam Okalik" in email.text and "Sam Okalik" in email.html
        assert LICENSES_PAGE in email.text and f'href="{LICENSES_PAGE}"' in email.html
        assert EMPLOYEE_PAGE not in email.text + email.html
        assert not CODE_SHAPED.search(email.text + email.html)
    assert "“MANAGE LICENSES”" in english.text and "« GESTION DES LICENCES »" in plain(french.text)


def test_subjects_in_english():
    assert {template: render(template, "en").subject for template in JOURNEY} == {
        "account_created": "Your account has been created",
        "application_approved": "Your application has been approved",
        "application_received": "We have received your application",
        "application_refused": "Decision on your application",
        "documents_requested": "More documents are needed for your application",
        "license_expired": "Your license has expired",
        "license_expiring": "Reminder: 7 days left to use your license",
        "license_reinstated": "Your license has been reinstated",
        "license_released": "Your employer has taken back your license code",
        "code_released": "Your license code has been released",
        "employee_approved": "Application approved: Sam Okalik",
        "employee_license_expired": "License expired: Sam Okalik",
        "employee_license_expiring": "Reminder: Sam Okalik's license expires in 7 days",
        "employee_linked_code": "Sam Okalik entered one of your license codes",
        "employee_redeemed": "License used: Sam Okalik",
        "employee_refused": "Application refused: Sam Okalik",
    }


def test_subjects_in_french():
    subjects = {template: plain(render(template, "fr").subject) for template in JOURNEY}
    assert subjects == {
        "account_created": "Votre compte a été créé",
        "application_approved": "Votre demande a été approuvée",
        "application_received": "Nous avons reçu votre demande",
        "application_refused": "Décision concernant votre demande",
        "documents_requested": "D'autres documents sont nécessaires pour votre demande",
        "license_expired": "Votre licence a expiré",
        "license_expiring": "Rappel : il vous reste 7 jours pour utiliser votre licence",
        "license_reinstated": "Votre licence a été rétablie",
        "license_released": "Votre employeur a repris votre code de licence",
        "code_released": "Votre code de licence a été libéré",
        "employee_approved": "Demande approuvée : Sam Okalik",
        "employee_license_expired": "Licence expirée : Sam Okalik",
        "employee_license_expiring": "Rappel : la licence de Sam Okalik expire dans 7 jours",
        "employee_linked_code": "Sam Okalik a saisi l'un de vos codes de licence",
        "employee_redeemed": "Licence utilisée : Sam Okalik",
        "employee_refused": "Demande refusée : Sam Okalik",
    }


def test_days_left_take_the_plural_of_each_language():
    assert render("license_expiring", "en", days_left=1).subject == "Reminder: 1 day left to use your license"
    assert plain(render("license_expiring", "fr", days_left=1).subject) == (
        "Rappel : il vous reste 1 jour pour utiliser votre licence")
    assert plain(render("employee_license_expiring", "fr", days_left=30).subject) == (
        "Rappel : la licence de Sam Okalik expire dans 30 jours")
    assert render("employee_license_expiring", "en", days_left=1).subject == (
        "Reminder: Sam Okalik's license expires in 1 day")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_refusal_quotes_the_reason_line_by_line_and_says_the_employee_may_apply_again(language):
    email = render("application_refused", language)
    assert "    Your first aid certificate expired in 2025.\n    Please apply again with a current certificate." in (
        email.text)
    assert "white-space:pre-line;\">" + REASON + "</blockquote>" in email.html
    again = {"en": "You may apply again", "fr": "Vous pourrez présenter une nouvelle demande"}[language]
    assert again in email.text


def test_the_reason_is_escaped_in_html():
    email = render("application_refused", "en", reason="<b>Missing</b> proof & identity")
    assert "&lt;b&gt;Missing&lt;/b&gt; proof &amp; identity" in email.html and "<b>" not in email.html
    assert "<b>Missing</b> proof & identity" in email.text


def test_the_company_is_told_of_a_refusal_without_the_reason_and_may_release_the_code():
    for language, release in (("en", "you can release the code"), ("fr", "vous pouvez libérer le code")):
        email = render("employee_refused", language)
        assert release in email.text
        assert "first aid" not in email.text + email.html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_documents_requested_quotes_the_reviewer_or_says_nothing_when_there_is_no_message(language):
    heading = {"en": "The reviewer's message:", "fr": "Message de l'examinateur :"}[language]
    with_message = render("documents_requested", language)
    assert heading in plain(with_message.text)
    assert "    Please add a clearer scan of your proof of identity." in with_message.text
    without = render("documents_requested", language, message="")
    assert heading not in plain(without.text) and heading not in plain(without.html)
    assert "\n\n\n" not in without.text


def test_the_approval_reminds_the_employee_to_enter_their_employers_code():
    assert "If you have not done so yet, first enter in the portal the license code your employer gave you." in (
        render("application_approved", "en").text)
    assert "Si ce n'est pas déjà fait, saisissez d'abord dans le portail le code de licence" in (
        render("application_approved", "fr").text)
