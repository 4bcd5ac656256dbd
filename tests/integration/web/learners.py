"""Employees past redemption, driven through the front door's course, exam and certificate pages: a certification
of the test's own published in the courses database, its license.redeemed published as the licenses service would,
and the answer key read from the courses database (never from a page)."""
from __future__ import annotations

import re
import uuid
from datetime import timedelta

from common.clock import utcnow
from common.messaging import EventPublisher
from common.events import new_event
from services.courses.rules import Rules
from tests.integration.courses.support import move_attempt_back, publish_edition, right_options
from tests.integration.web.people import Employee
from tests.integration.web.support import text_of, wait_for

RULES = Rules(questions_per_attempt=4, pass_mark_percent=75, time_limit_minutes=10, attempts_allowed=2,
              wait_between_attempts_hours=168, access_days=42, signoff_required=False, certificate_valid_months=60)
LESSONS = ("hazards", "reporting")  # tests/integration/courses/support.sample_course's
ATTEMPT = re.compile(r"/exam/([0-9a-f-]{36})/")
ENROLMENT = re.compile(r"/course/([0-9a-f-]{36})/")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


_courses = None  # the session's courses runtime, handed over by the fixture that starts the services (bind_courses)


def bind_courses(runtime) -> None:
    global _courses
    _courses = runtime


def courses_runtime():
    assert _courses is not None, "the services fixture binds the courses runtime first"
    return _courses


def courses_db():
    return courses_runtime().db


def ensure_published(codes: list[str], rules: Rules = RULES) -> None:
    """The real certifications' courses: the seeded sample editions where the migrations loaded them, otherwise
    one of the tests' own, so that a redeemed license opens a course either way."""
    from sqlalchemy import select

    from services.courses.models import Edition, EditionStatus
    db = courses_db()
    with db.reading() as session:
        published = set(session.scalars(select(Edition.certification_code)
                                        .where(Edition.status == EditionStatus.PUBLISHED)))
    for code in codes:
        if code not in published:
            publish_edition(db, code, rules)


def own_certification(rules: Rules = RULES) -> dict:
    """A certification of this test's own, its edition published in the courses database."""
    code = f"test_{uuid.uuid4().hex[:12]}"
    publish_edition(courses_db(), code, rules)
    return {"code": code, "name_en": "Test Certification", "name_fr": "Certification d'essai"}


def redeemed(employee: Employee, certification: dict, broker_url: str) -> str:
    """The employee's license is redeemed (the event the licenses service publishes); their enrolment's id, once
    the courses worker opened it and the course page shows it."""
    user = employee.web_db.user(employee.account.email)
    publisher = EventPublisher(broker_url, "wscc.events")
    try:
        publisher.publish(new_event("license.redeemed", {
            "license_id": str(uuid.uuid4()), "company_id": str(uuid.uuid4()), "employee_id": str(user.id),
            "at": utcnow().isoformat(), "certification": certification}).as_message())
    finally:
        publisher.close()
    found = wait_for(lambda: ENROLMENT.search(employee.get("/course").get_data(as_text=True)))
    assert found, text_of(employee.get("/course"))
    return found.group(1)


def finish_lessons(employee: Employee, enrolment_id: str) -> None:
    for key in LESSONS:
        page = f"/course/{enrolment_id}/lessons/{key}"
        response = employee.submit(page)
        assert response.status_code == 303, text_of(response)


def start_exam(employee: Employee, enrolment_id: str):
    return employee.submit(f"/course/{enrolment_id}/exam")


def started_attempt(employee: Employee, enrolment_id: str) -> str:
    response = start_exam(employee, enrolment_id)
    assert response.status_code == 303, text_of(response)
    return ATTEMPT.search(response.headers["Location"]).group(1)


def question_options(html: str) -> list[int]:
    return [int(value) for value in re.findall(r'name="chosen" value="(\d+)"', html)]


def save_answer_by_form(employee: Employee, attempt_id: str, number: int, chosen: list[int], move: str = "next"):
    page = f"/exam/{attempt_id}/questions/{number}"
    token = CSRF.search(employee.get(page).get_data(as_text=True)).group(1)
    return employee.client.post(page, data={"csrf_token": token, "chosen": [str(item) for item in chosen],
                                            "move": move})


def question_ids(attempt_id: str) -> list[int]:
    """The attempt's questions in their order (from the courses database, as the right answers are)."""
    from sqlalchemy import select

    from services.courses.models import AttemptQuestion
    with courses_db().reading() as session:
        return list(session.scalars(select(AttemptQuestion.question_id)
                                    .where(AttemptQuestion.attempt_id == uuid.UUID(attempt_id))
                                    .order_by(AttemptQuestion.position)))


def answer_without_javascript(employee: Employee, attempt_id: str, how_many_right: int) -> None:
    """Question after question with "Save and continue", the first ``how_many_right`` right, the others wrong."""
    right = right_options(courses_db(), attempt_id)
    questions = question_ids(attempt_id)
    for number, question_id in enumerate(questions, start=1):
        options = question_options(employee.get(f"/exam/{attempt_id}/questions/{number}").get_data(as_text=True))
        chosen = right[question_id] if number <= how_many_right else \
            [next(option for option in options if option not in right[question_id])]
        response = save_answer_by_form(employee, attempt_id, number, chosen)
        expected = f"/exam/{attempt_id}/questions/{number + 1}" if number < len(questions) else \
            f"/exam/{attempt_id}/review"
        assert (response.status_code, response.headers.get("Location")) == (303, expected), text_of(response)


def submit_exam(employee: Employee, attempt_id: str):
    return employee.submit(f"/exam/{attempt_id}/submit", form_page=f"/exam/{attempt_id}/review")


def sit_exam(employee: Employee, enrolment_id: str, how_many_right: int) -> str:
    attempt_id = started_attempt(employee, enrolment_id)
    answer_without_javascript(employee, attempt_id, how_many_right)
    assert submit_exam(employee, attempt_id).status_code == 303
    return attempt_id


def a_week_passes(attempt_id: str) -> None:
    move_attempt_back(courses_db(), attempt_id, timedelta(days=7, minutes=1))


def certified(employee: Employee, certification: dict, broker_url: str) -> dict:
    """Through every page: the course, a passed exam, the certificate; its enrolment, attempt and number."""
    enrolment_id = redeemed(employee, certification, broker_url)
    finish_lessons(employee, enrolment_id)
    attempt_id = sit_exam(employee, enrolment_id, how_many_right=RULES.questions_per_attempt)
    number = wait_for(lambda: re.search(r'/certificates/([0-9A-Z]{10})\.pdf',
                                        employee.get("/certificates").get_data(as_text=True)))
    assert number, text_of(employee.get("/certificates"))
    return {"enrolment_id": enrolment_id, "attempt_id": attempt_id, "number": number.group(1),
            "question_id": question_ids(attempt_id)[0]}
