"""An employee's application from draft to a decision, with every event published and the history kept."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

from tests.integration.applications.support import PDF_BYTES


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


def test_an_application_goes_from_draft_to_approved_with_every_event_and_a_90_day_deadline(employee, reviewer,
                                                                                           events):
    draft = employee.apply("supervisor_2_underground")
    assert draft["status"] == "draft"
    assert draft["certification"]["name_fr"] == "Surveillant, niveau II – mine souterraine"
    assert draft["missing"] == ["identity", "mining_experience", "first_aid", "prior_certificate"]
    employee.upload_all(draft)
    submitted = employee.submit(draft["id"]).json()
    assert submitted["status"] == "submitted" and submitted["missing"] == [] and submitted["submitted_at"]
    assert reviewer.decide(draft["id"], "start").json()["status"] == "under_review"
    approved = reviewer.decide(draft["id"], "approve")

    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved"
    assert instant(body["redeem_by"]) == instant(body["decided_at"]) + timedelta(days=90)
    assert [(entry["decision"], entry["by_name"]) for entry in body["decisions"]] == [
        ("review_started", "Rita Reviewer"), ("approved", "Rita Reviewer")]
    assert body["decisions"][1]["by_user_id"] == str(reviewer.user_id)
    published = events.about("application_id", draft["id"], expected=3)
    assert [event["type"] for event in published] == [
        "application.submitted", "application.review_started", "application.approved"]
    approval = published[-1]["data"]
    assert approval["employee_id"] == str(employee.user_id)
    assert approval["certification"] == {"code": "supervisor_2_underground",
                                         "name_en": "Supervisor Level II – Underground",
                                         "name_fr": "Surveillant, niveau II – mine souterraine"}
    assert instant(approval["redeem_by"]) == instant(approval["approved_at"]) + timedelta(days=90)
    assert instant(approval["approved_at"]) == instant(body["decided_at"])
    mine = employee.call("GET", "/internal/applications/mine").json()["items"]
    assert [item["status"] for item in mine] == ["approved"]
    assert "by_user_id" not in mine[0]["decisions"][0]


def test_missing_documents_block_the_submission(employee):
    draft = employee.apply("shift_boss_open_pit")
    assert employee.upload(draft["id"], "identity", PDF_BYTES).status_code == 201
    refused = employee.submit(draft["id"])

    assert refused.status_code == 422
    assert refused.json()["error"] == {"code": "documents_missing", "fields": {
        "mining_experience": "missing", "first_aid": "missing", "supervisor_reference": "missing"}}
    assert employee.show(draft["id"]).json()["status"] == "draft"


def test_one_open_application_at_a_time_and_an_unknown_certification_is_refused(employee):
    employee.apply("supervisor_1_surface")
    second = employee.call("POST", "/internal/applications", {"certification_code": "supervisor_1_exploration"})
    unknown = employee.call("POST", "/internal/applications", {"certification_code": "astronaut"})

    assert second.status_code == 409 and second.json()["error"]["code"] == "open_application_exists"
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_certification"


def test_a_refused_employee_may_apply_again_and_keeps_the_history_but_an_approved_one_may_not(employee, reviewer,
                                                                                              events):
    first = employee.submitted_application()
    refused = reviewer.decide(first["id"], "refuse", {"reason": "Not enough surface experience yet."})
    assert refused.json()["status"] == "refused" and refused.json()["reason"] == "Not enough surface experience yet."
    [refusal] = [event for event in events.about("application_id", first["id"], expected=2)
                 if event["type"] == "application.refused"]
    assert refusal["data"]["reason"] == "Not enough surface experience yet."

    second = employee.submitted_application("supervisor_1_exploration")
    assert reviewer.decide(second["id"], "approve").status_code == 200
    mine = employee.call("GET", "/internal/applications/mine").json()["items"]
    third = employee.call("POST", "/internal/applications", {"certification_code": "supervisor_1_surface"})

    assert [(item["id"], item["status"]) for item in mine] == [(second["id"], "approved"), (first["id"], "refused")]
    assert third.status_code == 409 and third.json()["error"]["code"] == "already_approved"


def test_applying_before_the_introduction_course_is_refused_and_opens_nothing(employee):
    refused = employee.call("POST", "/internal/applications", {"certification_code": "supervisor_1_surface"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "intro_course_required"
    assert employee.call("GET", "/internal/applications/mine").json()["items"] == []
    employee.complete_course()
    assert employee.call("POST", "/internal/applications",
                         {"certification_code": "supervisor_1_surface"}).status_code == 201


def test_opening_applications_at_once_leaves_one_open(employee):
    employee.complete_course()
    start, answers = threading.Barrier(6), []

    def apply() -> None:
        start.wait()
        answers.append(employee.call("POST", "/internal/applications",
                                     {"certification_code": "supervisor_1_surface"}).status_code)

    threads = [threading.Thread(target=apply) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [201] + [409] * 5
    assert len(employee.call("GET", "/internal/applications/mine").json()["items"]) == 1
