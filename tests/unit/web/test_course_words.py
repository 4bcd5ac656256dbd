"""The course's and the exam's sentences: what the exam section says in each state, in both languages, and when
another attempt can no longer fit in the access period."""
from datetime import UTC, datetime, timedelta

import pytest

from services.web.courses.messages import exam_state_message
from services.web.courses.progress import exam_outlook
from services.web.statuses import certificate_status
from services.web.templating import long_day, percent
from tests.unit.web.conftest import form_context

NOW = datetime(2027, 1, 13, 19, 0, tzinfo=UTC)


def enrolment(reason, status="exam_open", used=1, next_at=None, ends_in=timedelta(days=30)) -> dict:
    return {"status": status, "access_ends_at": (NOW + ends_in).isoformat(),
            "exam": {"reason": reason, "attempts_used": used, "attempts_allowed": 3,
                     "next_attempt_at": next_at and next_at.isoformat()}}


def test_a_wait_that_ends_after_the_access_says_no_attempt_can_come(app):
    late = exam_outlook(enrolment("wait", next_at=NOW + timedelta(days=7), ends_in=timedelta(days=3)))
    assert late.reason == "too_late" and not late.can_start
    with form_context(app, {}):
        assert "ends before another attempt could start" in exam_state_message(late)
    soon = exam_outlook(enrolment("wait", next_at=NOW + timedelta(days=7)))
    with form_context(app, {}):
        assert exam_state_message(soon).replace("\u202f", " ") == ("You can start your next attempt on Jan 20, 2027, 12:00 p.m. MST. "
                                            "You have 2 attempts left.")


@pytest.mark.parametrize(("outlook", "english", "french"), [
    (enrolment(None, used=0), "The exam is open. You have 3 attempts left.",
     "L'examen est accessible. Il vous reste 3 tentatives."),
    (enrolment("no_attempts_left", status="failed", used=3), "You have used all your attempts. Contact WSCC",
     "Vous avez utilisé toutes vos tentatives. Communiquez avec la CSTIT"),
    (enrolment("passed", status="awaiting_signoff"), "WSCC signs off each result", "La CSTIT approuve chaque"),
    (enrolment("passed", status="certified"), "Your certificate is issued.", "Votre certificat est délivré."),
])
def test_the_exam_section_in_each_state_and_language(app, outlook, english, french):
    with form_context(app, {}):
        assert english in exam_state_message(exam_outlook(outlook))
    with form_context(app, {}, language="fr"):
        assert french in exam_state_message(exam_outlook(outlook))


def test_dates_percentages_and_statuses_as_each_language_writes_them(app):
    with form_context(app, {}):
        assert long_day("2027-01-14T05:00:00+00:00") == "January 13, 2027"  # 10 p.m. in Yellowknife
        assert percent("87.50") == "87.5%" and certificate_status("expired") == "Expired"
    with form_context(app, {}, language="fr"):
        assert long_day("2027-01-14T05:00:00+00:00") == "13 janvier 2027"
        assert percent("80") == "80\xa0%" and certificate_status("expired") == "Expiré"
