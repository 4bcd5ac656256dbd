"""The exam's rules on the real services: the deadline sweep, frozen editions, sign-off, grants, access ending,
certificate status changes, and who sees what."""
from __future__ import annotations

import uuid
from datetime import timedelta

from common.clock import utcnow
from services.courses.rules import Rules
from tests.integration.courses.conftest import RULES
from tests.integration.courses.support import answer_all, move_attempt_back, publish_edition
from tests.waiting import wait_for


def test_the_sweep_grades_an_attempt_whose_time_ran_out_with_nobody_watching(candidate, redeem, db, courses_task):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    courses_task("courses.close_overdue_attempts")  # (other tests' attempts may be overdue: counts are theirs too)
    assert not candidate.call("GET", f"/internal/attempts/{attempt['id']}").json()["submitted"]  # still in time
    assert courses_task("courses.close_overdue_attempts", now=(utcnow() + timedelta(minutes=11)).isoformat()) >= 1
    result = candidate.call("GET", f"/internal/attempts/{attempt['id']}").json()["result"]
    assert (result["passed"], result["submitted_by"]) == (True, "deadline")
    assert courses_task("courses.close_overdue_attempts", now=(utcnow() + timedelta(minutes=12)).isoformat()) == 0


def test_a_new_edition_published_during_an_attempt_changes_nothing_of_it(candidate, redeem, db, certification):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    publish_edition(db, certification["code"], Rules(**RULES.as_dict() | {"pass_mark_percent": 100}), tag=" (new)")
    reopened = candidate.call("GET", f"/internal/attempts/{attempt['id']}").json()
    assert reopened["questions"] == attempt["questions"] and "(new)" not in str(reopened)
    answer_all(candidate, db, attempt, how_many_right=3)
    assert candidate.submit(attempt["id"]).json()["passed"]  # 75 % was the pass mark when it started


def test_a_pass_that_needs_a_signoff_waits_for_wscc_then_gets_its_certificate(candidate, redeem, db, publish,
                                                                               certification):
    publish_edition(db, certification["code"], Rules(**RULES.as_dict() | {"signoff_required": True}))
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    assert candidate.submit(attempt["id"]).json()["passed"]
    assert candidate.enrolments()[0]["status"] == "awaiting_signoff"
    queue = candidate.call("GET", "/internal/staff/signoffs", role="reviewer").json()["items"]
    assert enrolment["enrolment_id"] in [item["enrolment_id"] for item in queue]
    assert candidate.call("POST", f"/internal/staff/signoffs/{enrolment['enrolment_id']}", {},
                          role="company").status_code == 403
    signed = candidate.call("POST", f"/internal/staff/signoffs/{enrolment['enrolment_id']}",
                            {"note": "Interview held."}, role="reviewer")
    assert signed.status_code == 200 and signed.json()["status"] == "certified"
    again = candidate.call("POST", f"/internal/staff/signoffs/{enrolment['enrolment_id']}", {}, role="reviewer")
    assert again.status_code == 409


def test_out_of_attempts_then_an_administrator_grants_one_with_a_reason(candidate, redeem, db, events):
    enrolment = redeem()
    enrolment_id = enrolment["enrolment_id"]
    candidate.finish_course(enrolment_id)
    for _ in range(2):
        attempt = candidate.start(enrolment_id).json()
        answer_all(candidate, db, attempt, how_many_right=0)
        candidate.submit(attempt["id"])
        move_attempt_back(db, attempt["id"], timedelta(days=8))
    state = candidate.enrolments()[0]
    assert (state["status"], state["exam"]["reason"]) == ("failed", "no_attempts_left")
    assert "exam.attempts_exhausted" in [event["type"] for event in events.about("enrolment_id", enrolment_id,
                                                                                   expected=5)]
    path = f"/internal/staff/enrolments/{enrolment_id}/extra-attempt"
    assert candidate.call("POST", path, {"reason": " "}, role="admin").status_code == 422
    assert candidate.call("POST", path, {"reason": "Power cut at the camp"}, role="reviewer").status_code == 403
    granted = candidate.call("POST", path, {"reason": "Power cut at the camp"}, role="admin").json()
    assert (granted["status"], granted["attempts_allowed"]) == ("exam_open", 3)
    assert granted["grants"][0]["reason"] == "Power cut at the camp"
    [told] = [event for event in events.about("enrolment_id", enrolment_id, expected=6)
              if event["type"] == "exam.attempt_granted"]
    assert (told["data"]["attempts_used"], told["data"]["attempts_allowed"]) == (2, 3)
    assert "Power cut" not in str(told)  # the reason is WSCC's record, not news for every service
    assert candidate.start(enrolment_id).status_code == 201


def test_an_accommodation_lengthens_the_next_attempt_but_never_past_the_end_of_access(candidate, redeem, db):
    enrolment = redeem()
    enrolment_id = enrolment["enrolment_id"]
    candidate.finish_course(enrolment_id)
    path = f"/internal/staff/enrolments/{enrolment_id}/accommodation"
    assert candidate.call("POST", path, {"multiplier": "9", "reason": "x"}, role="admin").status_code == 422
    assert candidate.call("POST", path, {"multiplier": "1.5", "reason": "Reading support"},
                          role="admin").status_code == 200
    attempt = candidate.start(enrolment_id).json()
    assert 890 <= attempt["seconds_left"] <= 900  # 15 minutes instead of 10


def test_the_end_of_access_ends_an_unpassed_enrolment_once(candidate, redeem, db, courses_task, events):
    enrolment = redeem()
    later = (utcnow() + timedelta(days=43)).isoformat()
    assert courses_task("courses.expire_ended_access", now=later) >= 1
    assert courses_task("courses.expire_ended_access", now=later) == 0
    state = candidate.enrolments()[0]
    assert (state["status"], state["exam"]["reason"]) == ("access_expired", "access_ended")
    refused = candidate.call("GET", f"/internal/enrolments/{enrolment['enrolment_id']}/lessons/hazards")
    assert refused.status_code == 409
    assert "course.access_expired" in [event["type"] for event in
                                       events.about("enrolment_id", enrolment["enrolment_id"], expected=2)]


def test_suspend_reinstate_and_revoke_a_certificate_with_reasons(candidate, redeem, db):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    candidate.submit(attempt["id"])
    number = wait_for(lambda: candidate.enrolments()[0]["certificate"])["number"]
    path = f"/internal/staff/certificates/{number}/status"

    def verified() -> dict:
        return candidate.call("GET", f"/internal/certificates/{number}/verification", role="system").json()

    assert candidate.call("POST", path, {"action": "suspend", "reason": ""}, role="admin").status_code == 422
    assert candidate.call("POST", path, {"action": "suspend", "reason": "Under inquiry"},
                          role="reviewer").status_code == 403
    assert candidate.call("POST", path, {"action": "suspend", "reason": "Under inquiry"}, role="admin").ok
    assert verified()["status"] == "suspended"
    assert candidate.call("POST", path, {"action": "reinstate", "reason": "Cleared"}, role="admin").ok
    assert verified()["status"] == "valid"
    assert candidate.call("POST", path, {"action": "revoke", "reason": "Fraud"}, role="admin").ok
    assert verified()["status"] == "revoked" and verified()["status_changed_at"]
    assert candidate.call("POST", path, {"action": "reinstate", "reason": "No"}, role="admin").status_code == 409
    register = candidate.call("GET", "/internal/staff/certificates", role="reviewer").json()["items"]
    assert [item["status"] for item in register if item["number"] == number] == ["revoked"]
    entry = candidate.call("GET", f"/internal/staff/certificates/{number}", role="reviewer").json()
    assert [(change["status"], change["reason"]) for change in entry["history"]] == [
        ("suspended", "Under inquiry"), ("valid", "Cleared"), ("revoked", "Fraud")]
    assert entry["enrolment_id"] == enrolment["enrolment_id"] and entry["signed_off_by"] is None
    assert candidate.call("GET", f"/internal/staff/certificates/{number}", role="company").status_code == 403
    assert candidate.call("GET", "/internal/staff/certificates/NOSUCHNUMBER", role="admin").status_code == 404


def test_who_sees_what(candidate, redeem, db):
    enrolment = redeem()
    enrolment_id = enrolment["enrolment_id"]
    candidate.finish_course(enrolment_id)
    attempt = candidate.start(enrolment_id).json()
    stranger = uuid.uuid4()
    for path in (f"/internal/enrolments/{enrolment_id}", f"/internal/enrolments/{enrolment_id}/lessons/hazards",
                 f"/internal/attempts/{attempt['id']}"):
        assert candidate.call("GET", path, user_id=stranger).status_code == 404
    assert candidate.call("POST", f"/internal/attempts/{attempt['id']}/submit", user_id=stranger).status_code == 404
    mine = candidate.call("GET", "/internal/companies/mine/progress", role="company").json()["items"]
    assert [item["enrolment_id"] for item in mine] == [enrolment_id]
    assert not {"attempts", "exam", "questions"} & set(mine[0])  # steps and dates, never answers
    other_company = candidate.call("GET", "/internal/companies/mine/progress", role="company",
                                   user_id=uuid.uuid4())
    assert other_company.status_code == 200
    for role in ("employee", "company"):
        assert candidate.call("GET", "/internal/staff/signoffs", role=role).status_code == 403
        assert candidate.call("GET", "/internal/admin/courses", role=role).status_code == 403
    assert candidate.call("GET", f"/internal/staff/candidates/{candidate.employee_id}",
                          role="reviewer").json()["items"][0]["attempts"][0]["id"] == attempt["id"]


def test_holders_are_reminded_90_and_30_days_before_a_certificate_expires_once_each(candidate, redeem, db,
                                                                                    courses_task, events):
    from datetime import datetime

    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    candidate.submit(attempt["id"])
    certificate = wait_for(lambda: candidate.enrolments()[0]["certificate"])
    expires = datetime.fromisoformat(certificate["expires_at"])
    for days_before in (91, 89, 88, 29, 28, 1):
        courses_task("courses.send_certificate_reminders", now=(expires - timedelta(days=days_before)).isoformat())
    reminders = [event for event in events.about("number", certificate["number"], expected=3)
                 if event["type"] == "certificate.expiring"]
    assert [event["data"]["days_left"] for event in reminders] == [89, 29]
