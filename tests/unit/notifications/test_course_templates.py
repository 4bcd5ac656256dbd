"""The course, the exam and the certificate, in English and French: scores, attempts, dates, numbers, links, and what
the company is not told (the score, the reason of a status change)."""
from __future__ import annotations

import pytest

from tests.unit.notifications.samples import (
    CERTIFICATE_TEMPLATES, CERTIFICATES_PAGE, CONTEXTS, COURSE_PAGE, COURSE_TEMPLATES, EMPLOYEE_PAGE, LEARNING_TEMPLATES,
    LICENSES_PAGE, STATUS_REASON, VERIFY_URL)
from tests.unit.notifications.test_templates import CODE_SHAPED, plain, render

ENDS_WRITTEN = {"en": "June 13, 2026, 3:05 p.m. MDT", "fr": "13 juin 2026, 15 h 05 HAR"}
EMPLOYER_LEARNING = sorted(name for name in LEARNING_TEMPLATES if "employee_name" in CONTEXTS[name])


def everything(email) -> str:
    return plain(email.subject + "\n" + email.text + "\n" + email.html)


def test_the_samples_cover_each_course_and_certificate_email():
    assert len(COURSE_TEMPLATES) == 7 and len(CERTIFICATE_TEMPLATES) == 5 and len(EMPLOYER_LEARNING) == 11


def test_subjects_in_english():
    assert {template: render(template, "en").subject for template in LEARNING_TEMPLATES} == {
        "course_access_open": "Your course and exam are open",
        "exam_open": "You have completed the course: the exam is open",
        "exam_passed": "You passed the exam",
        "exam_failed": "You did not pass the exam this time",
        "exam_attempts_exhausted": "You have no exam attempts left",
        "exam_attempt_granted": "You can take the exam again",
        "course_access_expired": "Your access to the course and exam has ended",
        "certificate_issued": "Your certificate has been issued",
        "certificate_expiring": "Your certificate expires in 30 days",
        "certificate_suspended": "Your certificate has been suspended",
        "certificate_reinstated": "Your certificate is valid again",
        "certificate_revoked": "Your certificate has been revoked",
        "employee_completed_course": "Course completed: Sam Okalik",
        "employee_passed_exam": "Exam passed: Sam Okalik",
        "employee_failed_exam": "Exam not passed: Sam Okalik",
        "employee_out_of_attempts": "No exam attempts left: Sam Okalik",
        "employee_attempt_granted": "Another exam attempt granted: Sam Okalik",
        "employee_access_expired": "Access to the course ended: Sam Okalik",
        "employee_certified": "Certificate issued: Sam Okalik",
        "employee_certificate_expiring": "Reminder: Sam Okalik's certificate expires in 30 days",
        "employee_certificate_suspended": "Certificate suspended: Sam Okalik",
        "employee_certificate_reinstated": "Certificate valid again: Sam Okalik",
        "employee_certificate_revoked": "Certificate revoked: Sam Okalik",
    }


def test_subjects_in_french():
    assert {template: plain(render(template, "fr").subject) for template in LEARNING_TEMPLATES} == {
        "course_access_open": "Votre cours et votre examen sont accessibles",
        "exam_open": "Vous avez terminé le cours : l'examen est accessible",
        "exam_passed": "Vous avez réussi l'examen",
        "exam_failed": "Vous n'avez pas réussi l'examen cette fois-ci",
        "exam_attempts_exhausted": "Il ne vous reste aucune tentative d'examen",
        "exam_attempt_granted": "Vous pouvez passer l'examen de nouveau",
        "course_access_expired": "Votre accès au cours et à l'examen a pris fin",
        "certificate_issued": "Votre certificat a été délivré",
        "certificate_expiring": "Votre certificat expire dans 30 jours",
        "certificate_suspended": "Votre certificat a été suspendu",
        "certificate_reinstated": "Votre certificat est de nouveau valide",
        "certificate_revoked": "Votre certificat a été révoqué",
        "employee_completed_course": "Cours terminé : Sam Okalik",
        "employee_passed_exam": "Examen réussi : Sam Okalik",
        "employee_failed_exam": "Examen non réussi : Sam Okalik",
        "employee_out_of_attempts": "Plus aucune tentative d'examen : Sam Okalik",
        "employee_attempt_granted": "Nouvelle tentative d'examen accordée : Sam Okalik",
        "employee_access_expired": "Fin de l'accès au cours : Sam Okalik",
        "employee_certified": "Certificat délivré : Sam Okalik",
        "employee_certificate_expiring": "Rappel : le certificat de Sam Okalik expire dans 30 jours",
        "employee_certificate_suspended": "Certificat suspendu : Sam Okalik",
        "employee_certificate_reinstated": "Certificat de nouveau valide : Sam Okalik",
        "employee_certificate_revoked": "Certificat révoqué : Sam Okalik",
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("template", COURSE_TEMPLATES)
def test_course_emails_link_to_the_course_page_and_say_when_access_ends(template, language):
    email = render(template, language)
    assert COURSE_PAGE in email.text and f'href="{COURSE_PAGE}"' in email.html
    if template != "exam_passed":  # passed: the end of access no longer matters
        assert ENDS_WRITTEN[language] in plain(email.text)
        assert f"<strong>{ENDS_WRITTEN[language]}</strong>" in plain(email.html)
    assert EMPLOYEE_PAGE not in email.text + email.html and LICENSES_PAGE not in email.text + email.html


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("template", CERTIFICATE_TEMPLATES)
def test_certificate_emails_link_to_the_certificates_page_with_the_grouped_number(template, language):
    email = render(template, language)
    assert CERTIFICATES_PAGE in email.text and f'href="{CERTIFICATES_PAGE}"' in email.html
    assert "7K2QM-X9D4T" in email.text and "7K2QM-X9D4T" in email.html


@pytest.mark.parametrize("template", EMPLOYER_LEARNING)
def test_company_emails_name_the_employee_link_to_manage_licenses_and_tell_no_score_nor_reason(template):
    for language in ("en", "fr"):
        email = render(template, language, score_percent="62.50", reason=STATUS_REASON)
        assert "Sam Okalik" in email.text and f'href="{LICENSES_PAGE}"' in email.html
        assert COURSE_PAGE not in everything(email) and CERTIFICATES_PAGE not in everything(email)
        assert "62" not in everything(email) and "first aid" not in everything(email)
        assert not CODE_SHAPED.search(email.text + email.html)


@pytest.mark.parametrize(("language", "scores"), [
    ("en", "your score is 62.5%, and the pass mark is 80%."),
    ("fr", "vous avez obtenu 62,5 %, et la note de passage est de 80 %."),
])
def test_a_failed_attempt_tells_the_score_the_pass_mark_the_attempts_and_when_the_next_may_start(language, scores):
    text = plain(render("exam_failed", language).text)
    assert scores in text
    assert {"en": "You have used 1 of your 3 attempts. You can start your next attempt from May 2, 2026, 9:30 a.m. "
                  "MDT, before your access ends on June 13, 2026, 3:05 p.m. MDT.",
            "fr": "Vous avez utilisé 1 de vos 3 tentatives. Vous pourrez commencer votre prochaine tentative à partir "
                  "du 2 mai 2026, 09 h 30 HAR, avant la fin de votre accès le 13 juin 2026, 15 h 05 HAR."}[language] in text


def test_attempts_left_without_the_time_to_take_them_are_said_so():
    english = plain(render("exam_failed", "en", next_attempt_at=None, attempts_left=1).text)
    assert ("You still have 1 attempt, but no time to take it: the wait required between attempts would end after "
            "your access does, on June 13, 2026, 3:05 p.m. MDT.") in english
    assert "next attempt" not in english
    french = plain(render("exam_failed", "fr", next_attempt_at=None, attempts_used=1, attempts_left=2).text)
    assert "Il vous reste 2 tentatives, mais plus le temps d'en faire une autre" in french


def test_scores_keep_their_decimals_so_a_near_miss_never_reads_as_the_pass_mark():
    assert "a score of 84.62% (the pass mark is 80%)" in render("exam_passed", "en").text
    assert "avec une note de 84,62 % (la note de passage est de 80 %)" in plain(render("exam_passed", "fr").text)
    assert "your score is 79.99%, and the pass mark is 80%" in render("exam_failed", "en", score_percent="79.99").text


def test_the_passed_exam_says_the_certificate_follows_by_email():
    assert "Your certificate will be issued; you will receive it by e-mail." in render("exam_passed", "en").text
    assert "Votre certificat sera délivré; vous le recevrez par courriel." in render("exam_passed", "fr").text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_out_of_attempts_says_what_to_do_next(language):
    text = plain(render("exam_attempts_exhausted", language).text)
    assert {"en": "Write to us at MiningCertification@wsc.nt.ca: an administrator may grant you another attempt.",
            "fr": "Écrivez-nous à MiningCertification@wsc.nt.ca : un administrateur peut vous accorder une autre "
                  "tentative."}[language] in text
    assert {"en": "you have used all the attempts allowed (3)",
            "fr": "vous avez utilisé toutes les tentatives permises (3)"}[language] in text
    assert 'href="mailto:MiningCertification@wsc.nt.ca"' in render("exam_attempts_exhausted", language).html


def test_exam_open_and_course_completed_take_the_plural_of_each_language():
    assert "You have 1 attempt to pass it," in render("exam_open", "en", attempts_allowed=1).text
    assert "Vous disposez de 3 tentatives pour le réussir" in render("exam_open", "fr").text
    assert "(1 lesson): the exam" in render("employee_completed_course", "en", lessons_total=1).text
    assert "(12 leçons)" in render("employee_completed_course", "fr").text


def test_certificate_issued_gives_its_days_in_yellowknife_and_the_public_verification_link():
    english, french = render("certificate_issued", "en"), render("certificate_issued", "fr")
    for line in ("Certificate number: 7K2QM-X9D4T", "Issued on: May 19, 2026", "Expires on: May 19, 2029"):
        assert line in english.text
    for line in ("Numéro du certificat : 7K2QM-X9D4T", "Date de délivrance : 19 mai 2026",
                 "Date d'expiration : 19 mai 2029"):
        assert line in plain(french.text)
    for email in (english, french):
        assert VERIFY_URL in email.text and f'href="{VERIFY_URL}"' in email.html
    assert "as a PDF you can download and print" in english.text and "en format PDF" in french.text


def test_the_company_is_told_the_number_the_expiry_and_where_to_verify():
    text = plain(render("employee_certified", "fr").text)
    assert "Numéro du certificat : 7K2QM-X9D4T" in text and "Date d'expiration : 19 mai 2029" in text
    assert VERIFY_URL in text


def test_certificate_reminders_take_the_plural_and_the_expiry_day():
    assert render("certificate_expiring", "en", days_left=1).subject == "Your certificate expires in 1 day"
    assert "expires on May 19, 2029." in render("certificate_expiring", "en").text
    assert plain(render("employee_certificate_expiring", "fr", days_left=1).subject) == (
        "Rappel : le certificat de Sam Okalik expire dans 1 jour")


@pytest.mark.parametrize("template", ["certificate_suspended", "certificate_reinstated", "certificate_revoked"])
def test_a_status_change_quotes_its_reason_to_the_employee_or_says_nothing_without_one(template):
    email = render(template, "en", reason=STATUS_REASON)
    assert "The reason given:" in email.text
    assert "    Your first aid certificate lapsed.\n    Send a current one" in email.text
    assert "white-space:pre-line;\">" + STATUS_REASON + "</blockquote>" in email.html
    without = render(template, "fr", reason="")
    assert "Motif" not in without.text + without.html and "\n\n\n" not in without.text


def test_the_reason_is_escaped_in_html():
    email = render("certificate_revoked", "en", reason="<b>Fraud</b> & forgery")
    assert "&lt;b&gt;Fraud&lt;/b&gt; &amp; forgery" in email.html and "<b>" not in email.html
