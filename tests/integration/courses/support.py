"""Talking to the courses API the way the front door does; a course of our own to take; what the service published."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from sqlalchemy import select

from common.clock import utcnow
from common.tokens import Actor, issue_token
from services.courses import editions
from services.courses.models import Attempt, AttemptQuestion, Option
from services.courses.moodle_xml import ImportedOption, ImportedQuestion
from services.courses.rules import Rules
from tests.integration.applications.support import PublishedEvents

TOPICS = ({"en": "Ground control", "fr": "Contrôle de terrain"}, {"en": "Fire", "fr": "Incendie"})


class CourseEvents(PublishedEvents):
    ROUTING_KEYS = ("course.*", "exam.*", "certificate.*")


def sample_course(code: str) -> list[dict]:
    return [{"key": "basics", "title_en": "Basics", "title_fr": "Notions de base", "lessons": [
        {"key": "hazards", "title_en": "Hazards", "title_fr": "Dangers", "minutes": 5,
         "body_en": "## Look\n\nLook **up** and around.", "body_fr": "## Regarder\n\nRegardez **en haut**."},
        {"key": "reporting", "title_en": "Reporting", "title_fr": "Signalement", "minutes": 5,
         "body_en": "Report every incident.", "body_fr": "Signalez chaque incident."}]}]


def sample_bank(size: int, tag: str = "") -> list[ImportedQuestion]:
    """``size`` questions, every third a multiple choice; option texts say which are right (for readers only)."""
    questions = []
    for number in range(1, size + 1):
        multiple = number % 3 == 0
        options = [ImportedOption({"en": f"Right {number}", "fr": f"Juste {number}"}, True),
                   ImportedOption({"en": f"Wrong {number}", "fr": f"Faux {number}"}, False),
                   ImportedOption({"en": f"Also {number}", "fr": f"Aussi {number}"}, multiple),
                   ImportedOption({"en": f"No {number}", "fr": f"Non {number}"}, False)]
        questions.append(ImportedQuestion(key=f"Q{number}", kind="multiple" if multiple else "single",
                                          topic=TOPICS[number % 2],
                                          text={"en": f"Question {number}{tag}?", "fr": f"Question {number}{tag} ?"},
                                          feedback={}, options=options))
    return questions


def publish_edition(db, code: str, rules: Rules, bank_size: int | None = None, tag: str = "") -> uuid.UUID:
    """A published edition of our own certification, as an administrator would make it."""
    with db.unit_of_work() as session:
        edition = editions.new_edition(session, code, rules, utcnow())
        editions.set_lessons(session, edition, sample_course(code))
        editions.set_questions(session, edition, sample_bank(bank_size or 2 * rules.questions_per_attempt, tag))
        editions.publish(session, edition, uuid.uuid4(), utcnow())
        return edition.id


@dataclass
class Candidate:
    """One employee (and their company) calling the courses API through tokens, as the front door does."""

    base_url: str
    secret: str
    employee_id: uuid.UUID
    company_id: uuid.UUID
    language: str = "en"

    def headers(self, role: str = "employee", user_id: uuid.UUID | None = None) -> dict[str, str]:
        actor = Actor(user_id=str(user_id or (self.employee_id if role == "employee" else uuid.uuid4())), role=role,
                      company_id=str(self.company_id) if role == "company" else None, language=self.language)
        return {"Authorization": f"Bearer {issue_token(self.secret, actor)}"}

    def call(self, method: str, path: str, body: Any = None, role: str = "employee",
             user_id: uuid.UUID | None = None, **kwargs: Any) -> requests.Response:
        return requests.request(method, self.base_url + path, json=body, timeout=30,
                                headers=self.headers(role, user_id), **kwargs)

    def enrolments(self) -> list[dict]:
        return self.call("GET", "/internal/enrolments/mine").json()["items"]

    def finish_course(self, enrolment_id: str) -> dict:
        for key in ("hazards", "reporting"):
            response = self.call("POST", f"/internal/enrolments/{enrolment_id}/lessons/{key}/done")
            assert response.status_code == 200, response.text
        return response.json()

    def start(self, enrolment_id: str) -> requests.Response:
        return self.call("POST", f"/internal/enrolments/{enrolment_id}/attempts")

    def answer(self, attempt_id: str, question_id: int, chosen: list[int]) -> requests.Response:
        return self.call("PUT", f"/internal/attempts/{attempt_id}/answers/{question_id}", {"chosen": chosen})

    def submit(self, attempt_id: str) -> requests.Response:
        return self.call("POST", f"/internal/attempts/{attempt_id}/submit")


def right_options(db, attempt_id: str) -> dict[int, list[int]]:
    """What the answer key says for each of the attempt's questions (read from the database, never the API)."""
    with db.reading() as session:
        rows = session.execute(select(AttemptQuestion.question_id, Option.id)
                               .join(Option, Option.question_id == AttemptQuestion.question_id)
                               .where(AttemptQuestion.attempt_id == uuid.UUID(attempt_id), Option.correct)).all()
    right: dict[int, list[int]] = {}
    for question_id, option_id in rows:
        right.setdefault(question_id, []).append(option_id)
    return right


def answer_all(candidate: Candidate, db, attempt: dict, how_many_right: int) -> None:
    right = right_options(db, attempt["id"])
    for index, question in enumerate(attempt["questions"]):
        options = [option["id"] for option in question["options"]]
        chosen = right[question["question_id"]] if index < how_many_right else \
            [next(option for option in options if option not in right[question["question_id"]])]
        response = candidate.answer(attempt["id"], question["question_id"], chosen)
        assert response.status_code == 200, response.text


def move_attempt_back(db, attempt_id: str, by: timedelta) -> None:
    """The clock moves on for this attempt: its start, deadline and submission all happened ``by`` earlier."""
    with db.unit_of_work() as session:
        attempt = session.get(Attempt, uuid.UUID(attempt_id))
        attempt.started_at, attempt.deadline = attempt.started_at - by, attempt.deadline - by
        if attempt.submitted_at is not None:
            attempt.submitted_at -= by


def iso(moment: datetime) -> str:
    return moment.isoformat()
