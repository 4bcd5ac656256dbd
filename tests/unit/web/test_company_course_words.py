"""A redeemed license's course and exam in the company's words, the certificate's number and dates, the staff's
pages' numbers (scores, multipliers), and the question bank's problems, in both languages."""
import pytest

from services.web.admin.editions import bank_refused_message, question_problem, rule_message
from services.web.i18n import license_status
from services.web.statuses import certificate_status, course_words, progress_words
from services.web.templating import multiplier, percent
from tests.unit.web.conftest import form_context

CERTIFICATE = {"number": "7K3QD9XH2A", "status": "valid", "expires_at": "2031-12-03T05:00:00+00:00"}


def course(stage: str, **changes) -> dict:
    return {"stage": stage, "at": "2026-12-01T18:00:00+00:00", "access_ends_at": "2027-01-12T18:00:00+00:00",
            "lessons_done": 3, "lessons_total": 8, "attempts_used": 1, "attempts_allowed": 3,
            "last_result": None, "certificate": None} | changes


@pytest.mark.parametrize(("stage", "words"), [
    ("in_course", "In the course (3 of 8 lessons)"), ("exam_open", "Exam open"),
    ("exam_failed", "Exam failed (attempt 1 of 3)"), ("exam_passed", "Exam passed"),
    ("out_of_attempts", "Out of attempts"), ("access_expired", "Access ended")])
def test_each_step_reads_as_the_company_expects(app, stage, words):
    with form_context(app, {}):
        assert progress_words({"progress": "redeemed", "course": course(stage)}) == words


def test_the_certificate_reads_with_its_grouped_number_and_its_local_expiry_day(app):
    # 05:00 UTC on 3 December is still 2 December in Yellowknife.
    with form_context(app, {}):
        assert course_words(course("certified", certificate=CERTIFICATE)) == \
            "Certified — 7K3QD-9XH2A, valid until December 2, 2031"
        assert course_words(course("certified", certificate=CERTIFICATE | {"status": "suspended"})) == \
            "Certified — 7K3QD-9XH2A, suspended"
        assert course_words(course("certified", certificate=CERTIFICATE | {"status": "revoked"})) == \
            "Certificate 7K3QD-9XH2A revoked"
        assert course_words(course("certified", certificate=CERTIFICATE | {
            "expires_at": "2020-01-01T18:00:00+00:00"})) == "Certified — 7K3QD-9XH2A, expired on January 1, 2020"
    with form_context(app, {}, language="fr"):
        assert course_words(course("certified", certificate=CERTIFICATE)) == \
            "Certification obtenue — 7K3QD-9XH2A, valide jusqu'au 2 décembre 2031"
        assert course_words(course("in_course", lessons_done=1)) == "En formation (1 sur 8 leçons)"


def test_one_lesson_and_an_unknown_count_read_naturally(app):
    with form_context(app, {}):
        assert course_words(course("in_course", lessons_done=0, lessons_total=1)) == "In the course (0 of 1 lesson)"
        assert course_words(course("in_course", lessons_total=0)) == "In the course"


def test_a_finished_license_has_its_word_in_both_languages(app):
    with form_context(app, {}):
        assert license_status("finished") == "Used — course finished"
    with form_context(app, {}, language="fr"):
        assert license_status("finished") == "Utilisée — cours terminé"
        assert certificate_status("expired") == "Expiré" and license_status("expired") == "Expirée"


def test_scores_and_multipliers_as_each_language_writes_them(app):
    with form_context(app, {}):
        assert (percent("82.50"), percent(80), multiplier("1.50"), percent(None)) == ("82.5%", "80%", "× 1.5", "")
    with form_context(app, {}, language="fr"):
        assert (percent("82.50"), multiplier("1.50")) == ("82,5\xa0%", "× 1,5")


def test_each_bank_problem_is_a_sentence_in_the_readers_language(app):
    entry = {"question": 3, "name": "Ground control 1", "problems": ["text_missing_fr", "needs_2_to_10_options"]}
    with form_context(app, {}):
        assert question_problem(entry) == "Question 3 “Ground control 1”: the French text is missing; it needs 2 " \
                                          "to 10 options"
        assert question_problem({"question": 0, "name": "", "problems": ["no_questions"]}) == \
            "The file has no question."
        assert "unsupported_type" not in question_problem({"question": 1, "name": "",
                                                           "problems": ["unsupported_type:essay"]})
        assert bank_refused_message("file_too_big", {"max_bytes": 5 * 1024 * 1024}).startswith(
            "The file is larger than 5.0 MB.")
        assert rule_message("must_be_between_1_and_200") == "Enter a whole number from 1 to 200."
    with form_context(app, {}, language="fr"):
        assert question_problem(entry) == "Question 3 « Ground control 1 »\u00a0: le texte français manque; il lui " \
                                          "faut de 2 à 10 choix de réponse"
        assert rule_message("must_be_a_whole_number") == "Entrez un nombre entier, par exemple 20."
