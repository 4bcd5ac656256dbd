"""From a redeemed license to a certificate, on the real courses API, worker, PostgreSQL and RabbitMQ."""
from __future__ import annotations

import uuid
from datetime import timedelta

from tests.integration.courses.support import answer_all, move_attempt_back
from tests.waiting import wait_for


def test_a_redeemed_license_opens_the_course_once_and_says_so(candidate, redeem, events, publish, certification):
    enrolment = redeem()
    assert (enrolment["status"], enrolment["lessons_done"], enrolment["lessons_total"]) == ("in_course", 0, 2)
    assert enrolment["exam"]["reason"] == "course_incomplete" and not enrolment["exam"]["can_start"]
    opened = events.about("enrolment_id", enrolment["enrolment_id"])
    assert [event["type"] for event in opened] == ["course.opened"]


def test_lessons_are_saved_one_by_one_and_the_last_opens_the_exam(candidate, redeem, events):
    enrolment = redeem()
    page = candidate.call("GET", f"/internal/enrolments/{enrolment['enrolment_id']}/lessons/hazards").json()
    assert page["title"] == "Hazards" and "<strong>up</strong>" in page["body_html"] and page["next"]["key"] == "reporting"
    candidate.language = "fr"
    french = candidate.call("GET", f"/internal/enrolments/{enrolment['enrolment_id']}/lessons/hazards").json()
    assert french["title"] == "Dangers" and french["body_html"].startswith("<h3>Regarder</h3>")
    outline = candidate.finish_course(enrolment["enrolment_id"])
    assert (outline["lessons_done"], outline["next_lesson"]) == (2, None)
    again = candidate.call("POST", f"/internal/enrolments/{enrolment['enrolment_id']}/lessons/reporting/done")
    assert again.status_code == 200
    state = candidate.enrolments()[0]
    assert state["status"] == "exam_open" and state["exam"]["can_start"]
    assert [event["type"] for event in events.about("enrolment_id", enrolment["enrolment_id"], expected=2)] == \
        ["course.opened", "course.completed"]


def test_an_attempt_shows_no_answer_key_and_a_second_start_resumes_it(candidate, redeem):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    started = candidate.start(enrolment["enrolment_id"])
    assert started.status_code == 201
    attempt = started.json()
    assert len(attempt["questions"]) == 4 and 590 <= attempt["seconds_left"] <= 600
    assert "correct" not in started.text and "Right" in started.text  # option texts, never which are right
    resumed = candidate.start(enrolment["enrolment_id"]).json()
    assert resumed["id"] == attempt["id"] and resumed["questions"] == attempt["questions"]


def test_answers_are_kept_across_devices_and_foreign_or_late_ones_are_refused(candidate, redeem, db):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    first = attempt["questions"][0]
    assert candidate.answer(attempt["id"], first["question_id"], [first["options"][2]["id"]]).status_code == 200
    reopened = candidate.call("GET", f"/internal/attempts/{attempt['id']}").json()  # another tab or device
    assert reopened["questions"][0]["chosen"] == [first["options"][2]["id"]] and reopened["answered_count"] == 1

    foreign_question = max(q["question_id"] for q in attempt["questions"]) + 1000
    assert candidate.answer(attempt["id"], foreign_question, []).status_code == 422
    second = attempt["questions"][1]
    assert candidate.answer(attempt["id"], first["question_id"], [second["options"][0]["id"]]).status_code == 422
    someone_else = candidate.call("PUT", f"/internal/attempts/{attempt['id']}/answers/{first['question_id']}",
                                  {"chosen": []}, user_id=uuid.uuid4())
    assert someone_else.status_code == 404

    move_attempt_back(db, attempt["id"], timedelta(minutes=11))  # the deadline passed a minute ago
    late = candidate.answer(attempt["id"], second["question_id"], [second["options"][0]["id"]])
    assert (late.status_code, late.json()["error"]["code"]) == (409, "attempt_time_is_up")
    kept = candidate.call("GET", f"/internal/attempts/{attempt['id']}").json()
    assert kept["questions"][1]["chosen"] == [] and kept["questions"][0]["chosen"] == [first["options"][2]["id"]]


def test_fail_wait_for_the_next_attempt_then_pass_and_get_a_certificate(candidate, redeem, db, events):
    enrolment = redeem()
    enrolment_id = enrolment["enrolment_id"]
    candidate.finish_course(enrolment_id)
    attempt = candidate.start(enrolment_id).json()
    answer_all(candidate, db, attempt, how_many_right=2)
    failed = candidate.submit(attempt["id"]).json()
    assert (failed["passed"], failed["score_percent"], failed["pass_mark_percent"]) == (False, "50.00", 75)
    assert sum(topic["total"] for topic in failed["topics"]) == 4
    refused = candidate.start(enrolment_id)
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "exam_wait")

    move_attempt_back(db, attempt["id"], timedelta(days=7, minutes=1))  # a week has passed
    second = candidate.start(enrolment_id).json()
    assert second["id"] != attempt["id"] and second["number"] == 2
    answer_all(candidate, db, second, how_many_right=3)
    passed = candidate.submit(second["id"]).json()
    assert (passed["passed"], passed["score_percent"]) == (True, "75.00")

    state = wait_for(lambda: (item := candidate.enrolments()[0])["certificate"] and item)
    certificate = state["certificate"]
    assert state["status"] == "certified" and certificate["status"] == "valid"
    assert certificate["holder_name"] == "Nora Nakashuk"
    verified = candidate.call("GET", f"/internal/certificates/{certificate['display_number'].lower()}/verification",
                              role="system").json()
    assert verified["status"] == "valid" and set(verified) >= {"holder_name", "certification", "expires_at"}
    assert "employee_id" not in verified and "company_id" not in verified
    kinds = [event["type"] for event in events.about("enrolment_id", enrolment_id, expected=5)]
    assert kinds == ["course.opened", "course.completed", "exam.failed", "exam.passed", "certificate.issued"]


def test_two_tabs_submitting_at_once_grade_the_attempt_once(candidate, redeem, db, events):
    from concurrent.futures import ThreadPoolExecutor

    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: candidate.submit(attempt["id"]), range(4)))
    assert {response.status_code for response in results} == {200}
    assert len({response.json()["submitted_at"] for response in results}) == 1
    graded = [event for event in events.about("attempt_id", attempt["id"]) if event["type"].startswith("exam.")]
    assert [event["type"] for event in graded] == ["exam.passed"]
    certificates = [event for event in events.about("enrolment_id", enrolment["enrolment_id"], expected=4)
                    if event["type"] == "certificate.issued"]
    assert len(certificates) == 1
