"""The reviewers' queue and decisions: reasons and messages required, guarded transitions, one winner in a race."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from services.applications.models import Decision, Outbox
from tests.integration.applications.support import PDF_BYTES


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_a_refusal_needs_a_reason_and_a_request_for_documents_a_message(employee, reviewer):
    application = employee.submitted_application()

    assert error_of(reviewer.decide(application["id"], "refuse")) == (422, "reason_required")
    assert error_of(reviewer.decide(application["id"], "refuse", {"reason": "   "})) == (422, "reason_required")
    assert error_of(reviewer.decide(application["id"], "request-documents")) == (422, "message_required")
    assert error_of(reviewer.decide(application["id"], "refuse", {"reason": "x" * 2001})) == (422, "invalid_reason")
    assert employee.show(application["id"]).json()["status"] == "submitted"


def test_more_documents_requested_then_uploaded_and_the_application_submitted_again(employee, reviewer, events):
    application = employee.submitted_application()
    asked = reviewer.decide(application["id"], "request-documents",
                            {"message": "Your first aid certificate has expired: please send the new one."})
    assert asked.json()["status"] == "documents_requested"
    assert asked.json()["message"].startswith("Your first aid certificate has expired")

    assert employee.upload(application["id"], "first_aid", PDF_BYTES, filename="first-aid-2026.pdf").status_code == 201
    again = employee.submit(application["id"])

    assert again.status_code == 200 and again.json()["status"] == "submitted"
    assert again.json()["submitted_at"] == application["submitted_at"]  # keeps its place in the queue
    assert again.json()["last_submitted_at"] > application["submitted_at"]
    assert [document["filename"] for document in again.json()["requirements"][2]["documents"]] == [
        "scan.pdf", "first-aid-2026.pdf"]
    published = events.about("application_id", application["id"], expected=3)
    assert [event["type"] for event in published] == [
        "application.submitted", "application.documents_requested", "application.submitted"]
    assert published[1]["data"]["message"] == asked.json()["message"]


def test_a_decision_on_a_draft_or_a_decided_application_is_an_invalid_transition(employee, reviewer):
    draft = employee.apply()
    assert error_of(reviewer.decide(draft["id"], "approve")) == (409, "invalid_transition")
    assert error_of(reviewer.decide(draft["id"], "start")) == (409, "invalid_transition")
    employee.upload_all(draft)
    employee.submit(draft["id"])
    reviewer.decide(draft["id"], "approve")
    assert error_of(reviewer.decide(draft["id"], "refuse", {"reason": "changed my mind"})) == (
        409, "invalid_transition")
    assert error_of(employee.submit(draft["id"])) == (409, "invalid_transition")
    assert error_of(reviewer.decide(draft["id"], "reconsider")) == (404, "not_found")


def test_ten_reviewers_deciding_at_once_make_one_decision_and_one_event(employee, reviewer, events, db):
    application = employee.submitted_application()
    start, answers = threading.Barrier(10), []

    def decide(number: int) -> None:
        action, body = ("approve", {}) if number % 2 else ("refuse", {"reason": f"reason {number}"})
        start.wait()
        answers.append(reviewer.acting_as("reviewer").decide(application["id"], action, body))

    threads = [threading.Thread(target=decide, args=(number,)) for number in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [answer for answer in answers if answer.status_code == 200]
    assert len(winners) == 1
    assert sorted(error_of(answer) for answer in answers if answer.status_code != 200) == [
        (409, "invalid_transition")] * 9
    final = reviewer.show(application["id"]).json()
    assert final["status"] == winners[0].json()["status"] and len(final["decisions"]) == 1
    decisions = [event for event in events.about("application_id", application["id"], expected=2, settle_seconds=1)
                 if event["type"] in ("application.approved", "application.refused")]
    assert len(decisions) == 1
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Decision)
                              .where(Decision.application_id == application["id"])) == 1
        assert session.scalar(select(func.count()).select_from(Outbox).where(
            Outbox.event_type.in_(["application.approved", "application.refused"]),
            Outbox.message["data"]["application_id"].as_string() == application["id"])) == 1


def test_the_queue_shows_waiting_applications_oldest_first_and_filters_by_certification(employee, reviewer):
    first = employee.submitted_application("shift_boss_underground")
    second_employee = employee.acting_as("employee")
    second = second_employee.submitted_application("shift_boss_underground")
    third_employee = employee.acting_as("employee")
    asked = third_employee.submitted_application("shift_boss_underground")
    reviewer.decide(asked["id"], "request-documents", {"message": "A clearer identity document, please."})
    drafted = employee.acting_as("employee").apply("shift_boss_underground")
    decided = employee.acting_as("employee").submitted_application("shift_boss_underground")
    reviewer.decide(decided["id"], "refuse", {"reason": "No underground experience."})
    elsewhere = employee.acting_as("employee").submitted_application("supervisor_2_surface")

    queue = reviewer.call("GET", "/internal/review/queue?certification=shift_boss_underground").json()["items"]
    ours = [item["id"] for item in queue if item["id"] in {first["id"], second["id"], asked["id"], drafted["id"],
                                                           decided["id"]}]
    assert ours == [first["id"], second["id"], asked["id"]]
    assert {item["certification"]["code"] for item in queue} == {"shift_boss_underground"}
    assert queue[0]["employee"]["id"] and "missing" in queue[0]
    everything = [item["id"] for item in reviewer.call("GET", "/internal/review/queue").json()["items"]]
    assert elsewhere["id"] in everything
    assert error_of(reviewer.call("GET", "/internal/review/queue?certification=astronaut")) == (
        422, "unknown_certification")
