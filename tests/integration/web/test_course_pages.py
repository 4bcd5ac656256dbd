"""The employee's course, exam and certificate pages against the real courses API and worker: lessons marked done by
a POST (never a GET), the exam without JavaScript (one question a page, a failed attempt, the wait, a pass), answers
refused after the deadline with the reason, the certificate's PDF and credential."""
from __future__ import annotations

import io
import re
import uuid
from datetime import timedelta
from urllib.parse import urlparse

import jwt
import pytest
from pypdf import PdfReader

from tests.integration.courses.support import move_attempt_back
from tests.integration.web.learners import (
    a_week_passes, answer_without_javascript, courses_db, finish_lessons, own_certification, question_options,
    redeemed, save_answer_by_form, sit_exam, start_exam, started_attempt, submit_exam)
from tests.integration.web.people import new_employee
from tests.integration.web.support import Visitor, main_action, text_of, wait_for


@pytest.fixture
def broker_url(services) -> str:
    return services.env()["WSCC_BROKER_URL"]


@pytest.fixture
def learner(app, broker_url):
    """A new employee whose license for a certification of the test's own was just redeemed."""
    employee = new_employee(app)
    certification = own_certification()
    return employee, redeemed(employee, certification, broker_url), certification


def test_the_outline_lists_the_lessons_and_only_a_post_marks_one_done(learner):
    employee, enrolment_id, _ = learner
    outline = employee.get("/course")
    page = text_of(outline)
    assert "Test Certification" in page and "0 of 2 lessons done" in page and "You can use the course until" in page
    html = outline.get_data(as_text=True)
    assert re.findall(r'data-lesson="([a-z]+)" data-done="(yes|no)"', html) == [("hazards", "no"), ("reporting", "no")]
    assert "Sample content" not in page
    assert "Finish every lesson of the course first" in page

    lesson = employee.get(f"/course/{enrolment_id}/lessons/hazards")
    assert lesson.status_code == 200 and "<strong>up</strong>" in lesson.get_data(as_text=True)
    assert "Mark as done and continue" in text_of(lesson)
    assert "0 of 2 lessons done" in text_of(employee.get("/course"))  # reading changes nothing

    no_token = employee.client.post(f"/course/{enrolment_id}/lessons/hazards")
    assert no_token.status_code == 400
    done = employee.submit(f"/course/{enrolment_id}/lessons/hazards")
    assert (done.status_code, done.headers["Location"]) == (303, f"/course/{enrolment_id}/lessons/reporting")
    last = employee.submit(f"/course/{enrolment_id}/lessons/reporting")
    assert (last.status_code, last.headers["Location"]) == (303, f"/course/{enrolment_id}")
    outline = employee.get(last.headers["Location"])
    assert "You finished the course. The exam is now open." in text_of(outline)
    assert "2 of 2 lessons done" in text_of(outline) and main_action(outline.get_data(as_text=True)) == "exam"
    assert employee.get(f"/course/{enrolment_id}/lessons/no-such-lesson").status_code == 404
    assert employee.get(f"/course/{enrolment_id}/lessons/..%2Fsecret").status_code == 404


def test_the_exam_without_javascript_fail_wait_then_pass(learner):
    employee, enrolment_id, _ = learner
    refused = start_exam(employee, enrolment_id)
    assert refused.status_code == 303
    assert "Finish every lesson of the course first" in text_of(employee.get(refused.headers["Location"]))
    finish_lessons(employee, enrolment_id)

    rules = text_of(employee.get(f"/course/{enrolment_id}/exam"))
    for sentence in ("The exam has 4 questions", "You have 10 minutes to answer", "You pass with 75% of the answers",
                     "You have used 0 of your 2 attempts", "The exam is open. You have 2 attempts left."):
        assert sentence in rules, sentence
    attempt_id = started_attempt(employee, enrolment_id)
    question = employee.get(f"/exam/{attempt_id}/questions/1")
    page = text_of(question)
    assert "Question 1 of 4" in page and "Time left: 10 minutes" in page and "Save and continue" in page
    options = question_options(question.get_data(as_text=True))
    assert len(options) == 4
    # A second start (another tab) resumes the same attempt.
    assert re.search(attempt_id, start_exam(employee, enrolment_id).headers["Location"])
    assert "Resume the exam" in text_of(employee.get(f"/course/{enrolment_id}/exam"))

    # Review lists what is unanswered; answers move with Previous / Save and continue / Review answers.
    second = question_options(employee.get(f"/exam/{attempt_id}/questions/2").get_data(as_text=True))
    wrong_question = save_answer_by_form(employee, attempt_id, 2, [options[0] + 100_000])
    assert wrong_question.status_code == 422 and "Choose among the answers shown." in text_of(wrong_question)
    moved = save_answer_by_form(employee, attempt_id, 2, [second[0]], move="previous")
    assert moved.headers["Location"] == f"/exam/{attempt_id}/questions/1"
    review = text_of(employee.get(f"/exam/{attempt_id}/review"))
    assert "3 questions are not answered yet" in review and "Submit the exam" in review
    assert "your answers cannot be changed" in review
    answer_without_javascript(employee, attempt_id, how_many_right=2)
    assert "Every question is answered." in text_of(employee.get(f"/exam/{attempt_id}/review"))
    assert employee.client.post(f"/exam/{attempt_id}/submit").status_code == 400  # no CSRF token
    submitted = submit_exam(employee, attempt_id)
    assert submitted.headers["Location"] == f"/exam/{attempt_id}/result"
    result = text_of(employee.get(submitted.headers["Location"]))
    assert "You did not pass the exam" in result and "Your score: 50%" in result and "2 of 4" in result
    assert "Pass mark 75%" in result and "Topics to review" in result and "Ground control" in result
    assert "You can start your next attempt on" in result and "You have 1 attempt left" in result
    # Every page of the graded attempt now shows its result.
    assert employee.get(f"/exam/{attempt_id}/questions/1").headers["Location"] == f"/exam/{attempt_id}/result"

    again = start_exam(employee, enrolment_id)
    assert "You can start your next attempt on" in text_of(employee.get(again.headers["Location"]))
    a_week_passes(attempt_id)
    second = sit_exam(employee, enrolment_id, how_many_right=3)
    passed = text_of(employee.get(f"/exam/{second}/result"))
    assert "You passed the exam" in passed and "Your score: 75%" in passed
    assert "Your certificate is issued." in passed and "View your certificate" in passed
    exam = text_of(employee.get(f"/course/{enrolment_id}/exam"))
    assert "Attempt 1" in exam and "Attempt 2" in exam and "Not passed" in exam and "Start the exam" not in exam


def test_the_certificate_pdf_in_either_language_and_the_credential(learner, broker_url, visitor):
    employee, enrolment_id, _ = learner
    finish_lessons(employee, enrolment_id)
    sit_exam(employee, enrolment_id, how_many_right=4)
    listing = employee.get("/certificates")
    number = wait_for(lambda: re.search(r"/certificates/([0-9A-Z]{10})\.pdf", listing.get_data(as_text=True)))
    assert number, text_of(listing)
    number = number.group(1)
    page = text_of(listing)
    assert "Test Certification" in page and "Valid" in page and "Open Badges credential" in page

    english = employee.get(f"/certificates/{number}.pdf")
    assert english.status_code == 200 and english.mimetype == "application/pdf"
    assert english.headers["Content-Disposition"].startswith("attachment;")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(english.get_data())).pages)
    assert employee.name in text and "Test Certification" in text and f"/verify/{number}" in text
    french = employee.get(f"/certificates/{number}.pdf?lang=fr")
    french_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(french.get_data())).pages)
    assert "Certification d'essai" in french_text and "Certificat" in french_text

    credential = employee.get(f"/certificates/{number}/credential.jwt")
    assert credential.status_code == 200 and credential.mimetype == "application/vc+jwt"
    assert credential.headers["Content-Disposition"] == f'attachment; filename="certificate-{number}.jwt"'
    claims = jwt.decode(credential.get_data(as_text=True), options={"verify_signature": False})
    assert claims["credentialSubject"]["achievement"]["name"] == "Test Certification"
    assert employee.name not in credential.get_data(as_text=True)  # the holder is a salted hash
    # The achievement's id answers the achievement, to anyone, in either language.
    achievement = urlparse(claims["credentialSubject"]["achievement"]["id"]).path
    assert visitor.get(achievement).get_json()["name"] == "Test Certification"
    assert visitor.get(f"{achievement}?lang=fr").get_json()["name"] == "Certification d'essai"
    assert visitor.get("/credentials/achievements/no_certificate_yet").status_code == 404


def test_a_suspended_or_revoked_certificate_can_be_neither_downloaded_nor_put_in_a_wallet(learner):
    from common.clock import utcnow
    from services.courses import certificates
    employee, enrolment_id, _ = learner
    finish_lessons(employee, enrolment_id)
    sit_exam(employee, enrolment_id, how_many_right=4)
    number = wait_for(lambda: re.search(r"/certificates/([0-9A-Z]{10})\.pdf",
                                        employee.get("/certificates").get_data(as_text=True)))
    assert number, text_of(employee.get("/certificates"))
    number = number.group(1)

    def change(action: str, reason: str) -> None:
        with courses_db().unit_of_work() as session:
            certificates.change_status(session, number, action, reason, uuid.uuid4(), utcnow())

    change("suspend", "Under inquiry")
    listing = employee.get("/certificates")
    assert f"/certificates/{number}.pdf" not in listing.get_data(as_text=True)
    assert "This certificate is suspended: it cannot be downloaded or shared while it is." in text_of(listing)
    for path in (f"/certificates/{number}.pdf", f"/certificates/{number}/credential.jwt"):
        refused = employee.get(path)
        assert refused.status_code == 409 and refused.mimetype == "text/html"
        assert "it cannot be downloaded or shared while it is" in text_of(refused)
    change("reinstate", "Cleared")
    assert employee.get(f"/certificates/{number}.pdf").status_code == 200
    change("revoke", "Obtained by fraud")
    assert "This certificate was revoked: it can no longer be downloaded or shared." in text_of(
        employee.get(f"/certificates/{number}/credential.jwt"))
    assert employee.get(f"/certificates/{number}.pdf").status_code == 409


def test_an_answer_after_the_deadline_is_refused_and_said_so(learner):
    employee, enrolment_id, _ = learner
    finish_lessons(employee, enrolment_id)
    attempt_id = started_attempt(employee, enrolment_id)
    html = employee.get(f"/exam/{attempt_id}/questions/1").get_data(as_text=True)
    options = question_options(html)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    save_url = re.search(r'data-save-url="([^"]+)"', html).group(1)

    saved = employee.client.put(save_url, json={"chosen": [options[0]]}, headers={"X-CSRFToken": token})
    assert saved.status_code == 200 and saved.get_json()["saved"] and 0 < saved.get_json()["seconds_left"] <= 600
    assert saved.get_json()["message"].startswith("Answer saved at")
    assert employee.client.put(save_url, json={"chosen": [options[0]]}).status_code == 400  # no CSRF token
    wrong = employee.client.put(save_url, json={"chosen": "all"}, headers={"X-CSRFToken": token})
    assert wrong.status_code == 422 and wrong.get_json()["saved"] is False
    assert "Your answer is saved." in text_of(employee.get(f"/exam/{attempt_id}/questions/1"))

    move_attempt_back(courses_db(), attempt_id, timedelta(minutes=11))  # the deadline passed a minute ago
    late = employee.client.put(save_url, json={"chosen": [options[1]]}, headers={"X-CSRFToken": token})
    assert late.status_code == 409 and late.get_json()["over"]
    assert late.get_json()["message"].startswith("The time for this exam is up: this answer was not saved.")
    by_form = employee.client.post(f"/exam/{attempt_id}/questions/1",
                                   data={"csrf_token": token, "chosen": [str(options[1])], "move": "next"})
    assert by_form.headers["Location"] == f"/exam/{attempt_id}/result"
    result = text_of(employee.get(by_form.headers["Location"]))
    assert "this answer was not saved" in result  # the flashed reason
    assert "The time is up" in result and "being graded" in result  # the sweep grades it (not running here)
    assert employee.get(f"/exam/{attempt_id}/questions/2").headers["Location"] == f"/exam/{attempt_id}/result"


def test_the_verification_page_says_only_what_it_should(app, learner):
    employee, enrolment_id, _ = learner
    finish_lessons(employee, enrolment_id)
    sit_exam(employee, enrolment_id, how_many_right=4)
    number = wait_for(lambda: re.search(r"/certificates/([0-9A-Z]{10})\.pdf",
                                        employee.get("/certificates").get_data(as_text=True))).group(1)
    anyone = Visitor(app.test_client())
    form = anyone.get("/verify")
    assert form.status_code == 200 and "Certificate number" in text_of(form)
    grouped = f"{number[:5]}-{number[5:]}".lower()
    typed = anyone.get(f"/verify?number={grouped}")
    assert (typed.status_code, typed.headers["Location"]) == (303, f"/verify/{number}")
    page = anyone.get(f"/verify/{number}")
    text = text_of(page)
    assert page.status_code == 200 and "Valid until" in text and employee.name in text
    assert "Test Certification" in text and "Issued on" in text and "Expiry date" in text
    for private in (employee.account.email, enrolment_id, "Score", "attempt"):
        assert private not in text, private

    mistyped = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert "seems mistyped" in text_of(anyone.get(f"/verify?number={mistyped}"))
    assert anyone.get(f"/verify?number={mistyped}").status_code == 422
    assert "This is not a certificate number" in text_of(anyone.get("/verify?number=12%3Cscript%3E"))
    unknown = "4K7QM-X2PBA"
    assert anyone.get(f"/verify?number={unknown}").status_code == 404
    assert "No certificate has this number" in text_of(anyone.get(f"/verify/{unknown}"))
    assert "Enter the number printed on the certificate" in text_of(anyone.get("/verify?number="))


def test_what_verifiers_fetch_needs_no_sign_in(visitor):
    issuer = visitor.get("/credentials/issuer")
    assert issuer.status_code == 200 and issuer.get_json()["type"] == ["Profile"]
    assert issuer.get_json()["publicKey"]["crv"] == "Ed25519"
    for purpose in ("revocation", "suspension"):
        listing = visitor.get(f"/credentials/status/{purpose}")
        assert listing.status_code == 200 and listing.mimetype == "application/vc+jwt"
        claims = jwt.decode(listing.get_data(as_text=True), options={"verify_signature": False})
        assert claims["credentialSubject"]["statusPurpose"] == purpose
    assert visitor.get("/credentials/status/everything").status_code == 404
    assert visitor.get("/credentials/4K7QMX2PBA").headers["Location"] == "/verify/4K7QMX2PBA"


def test_lookups_are_limited_per_address_but_the_empty_form_is_not_one(make_app):
    anyone = Visitor(make_app(verification_rate_limit_per_address="3 per minute").test_client())
    for _ in range(5):
        assert anyone.get("/verify").status_code == 200
    assert [anyone.get("/verify/4K7QMX2PBA").status_code for _ in range(3)] == [404, 404, 404]
    limited = anyone.get("/verify?number=4K7QM-X2PBA")
    assert limited.status_code == 429 and "Too many attempts" in text_of(limited)


def test_every_change_needs_the_forms_csrf_token(app, learner):
    employee, enrolment_id, _ = learner
    attempt, question = str(uuid.uuid4()), 1
    changes = [("POST", f"/course/{enrolment_id}/lessons/hazards"), ("POST", f"/course/{enrolment_id}/exam"),
               ("POST", f"/exam/{attempt}/questions/1"), ("PUT", f"/exam/{attempt}/answers/{question}"),
               ("POST", f"/exam/{attempt}/submit")]
    with app.test_request_context():
        routes = {(method, rule.rule) for rule in app.url_map.iter_rules() if rule.endpoint.startswith("courses")
                  for method in rule.methods & {"POST", "PUT", "PATCH", "DELETE"}}
    assert len(routes) == len(changes)  # a new route that changes something joins this list
    for method, path in changes:
        assert employee.client.open(path, method=method, data={"chosen": "1"}).status_code == 400, path
    assert "0 of 2 lessons done" in text_of(employee.get("/course"))
