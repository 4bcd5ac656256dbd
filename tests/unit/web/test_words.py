"""The journey in words: a company's view of its employee, decisions, causes, names in the reader's language."""
import pytest

from services.web.statuses import cause_words, localized, progress_words
from tests.unit.web.conftest import form_context


@pytest.mark.parametrize(("progress", "words"), [
    ("registered", "Code linked"), ("intro_course_done", "Introduction course done"),
    ("application_submitted", "Application submitted"), ("under_review", "Under review"),
    ("documents_requested", "More documents requested"), ("refused", "Refused"), ("redeemed", "Redeemed"),
    ("expired", "Expired")])
def test_each_progress_reads_as_the_company_expects(app, progress, words):
    with form_context(app, {}):
        assert progress_words({"progress": progress}) == words


def test_an_approval_says_the_deadline_and_the_days_left(app):
    employee = {"progress": "approved", "redeem_by": "2027-03-01T18:00:00+00:00", "days_left": 45}
    with form_context(app, {}):
        assert progress_words(employee) == "Approved — use by 2027-03-01 (45 days left)"
        assert progress_words(employee | {"days_left": 1}) == "Approved — use by 2027-03-01 (1 day left)"
    with form_context(app, {}, language="fr"):
        assert progress_words(employee) == "Approuvée — à utiliser au plus tard le 2027-03-01 (45 jours restants)"


def test_no_employee_reads_as_nothing(app):
    with form_context(app, {}):
        assert progress_words(None) == ""


def test_names_come_in_the_readers_language_else_in_english(app):
    certification = {"name_en": "Shift Boss – Open Pit", "name_fr": "Chef de poste – mine à ciel ouvert"}
    with form_context(app, {}, language="fr"):
        assert localized(certification, "name") == "Chef de poste – mine à ciel ouvert"
        assert localized({"name_en": "Only English"}, "name") == "Only English"


@pytest.mark.parametrize(("cause", "words"), [
    ("company 3f2a", "Your company"), ("employee 9c1b", "The employee"), ("admin 77", "WSCC"),
    ("event order.paid 12", "Payment received"), ("event application.approved 34", "WSCC approved the employee"),
    ("event license.other 5", "Automatically"), ("task expire_licenses", "Automatically, at the deadline"),
    ("", "")])
def test_a_history_cause_never_shows_an_internal_id(app, cause, words):
    with form_context(app, {}):
        assert cause_words(cause) == words
