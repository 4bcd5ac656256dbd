"""The introduction course: modules in the employee's language, and a completion recorded and announced once."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from common.db import Database
from services.applications.models import Outbox


def completion_rows(db: Database, employee_id: str) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.event_type == "intro_course.completed",
            Outbox.message["data"]["employee_id"].as_string() == employee_id))


def test_the_course_is_shown_in_the_employees_language_with_the_certifications_from_the_data(employee):
    english = employee.call("GET", "/internal/intro-course").json()
    french = employee.acting_as("employee", "fr", employee.user_id).call("GET", "/internal/intro-course").json()

    assert 4 <= len(english["modules"]) <= 6 and english["completed_at"] is None
    assert [module["position"] for module in english["modules"]] == sorted(m["position"] for m in english["modules"])
    assert not any(module["viewed"] for module in english["modules"])
    documents_en = next(m for m in english["modules"] if m["key"] == "documents")["body_html"]
    documents_fr = next(m for m in french["modules"] if m["key"] == "documents")["body_html"]
    assert "<strong>Supervisor Level II – Underground</strong>" in documents_en
    assert "Current first aid certificate" in documents_en and "Certificat de secourisme valide" in documents_fr
    assert "[[" not in documents_en + documents_fr
    assert french["modules"][0]["title"] != english["modules"][0]["title"]


def test_opening_every_module_completes_the_course_once_even_when_the_last_is_opened_again(employee, events, db):
    modules = employee.call("GET", "/internal/intro-course").json()["modules"]
    for module in modules[:-1]:
        answer = employee.call("POST", f"/internal/intro-course/modules/{module['key']}/viewed")
        assert answer.status_code == 200 and answer.json()["completed_at"] is None
    last = f"/internal/intro-course/modules/{modules[-1]['key']}/viewed"
    completed = employee.call("POST", last).json()
    again = employee.call("POST", last).json()

    assert completed["completed_at"] is not None and all(module["viewed"] for module in completed["modules"])
    assert again["completed_at"] == completed["completed_at"]
    published = events.about("employee_id", str(employee.user_id))
    assert [event["type"] for event in published] == ["intro_course.completed"]
    assert published[0]["data"]["completed_at"].startswith(completed["completed_at"][:19])
    assert completion_rows(db, str(employee.user_id)) == 1


def test_every_module_opened_at_once_twice_over_completes_the_course_once(employee, events, db):
    keys = [module["key"] for module in employee.call("GET", "/internal/intro-course").json()["modules"]] * 2
    start = threading.Barrier(len(keys))
    answers = []

    def open_module(key: str) -> None:
        start.wait()
        answers.append(employee.call("POST", f"/internal/intro-course/modules/{key}/viewed").status_code)

    threads = [threading.Thread(target=open_module, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert answers == [200] * len(keys)
    assert employee.call("GET", "/internal/intro-course").json()["completed_at"] is not None
    assert len(events.about("employee_id", str(employee.user_id), settle_seconds=1)) == 1
    assert completion_rows(db, str(employee.user_id)) == 1


def test_an_unknown_module_is_not_found_and_only_employees_take_the_course(employee):
    assert employee.call("POST", "/internal/intro-course/modules/nope/viewed").status_code == 404
    assert employee.acting_as("company").call("GET", "/internal/intro-course").status_code == 403
    assert employee.acting_as("reviewer").call("GET", "/internal/intro-course").status_code == 403
