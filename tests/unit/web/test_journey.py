"""Where an employee stands, as the services say it: the steps behind them are the licenses service's progress,
the next one, the page's main action and the deadline."""
from datetime import UTC, datetime, timedelta

from services.web.employee.journey import build_journey

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def application(status: str, **changes) -> dict:
    return {"id": "a", "status": status, "certification": {"code": "c"}, "redeem_by": None} | changes


def license_(status: str, **changes) -> dict:
    """As the licenses service sends it: it says whether the license is live and how many days are left."""
    return {"id": "l", "code": "X", "status": status, "live": status in ("claimed", "eligible"), "redeem_by": None,
            "days_left": None} | changes


def test_a_new_employee_starts_with_the_introduction_course():
    journey = build_journey("registered", None, [], [], NOW)
    assert journey.done == set() and journey.current_step == "intro_course"
    assert not journey.can_use_license and journey.can_apply


def test_the_code_may_be_linked_before_the_course_is_done():
    journey = build_journey("registered", license_("claimed"), [], [], NOW)
    assert journey.done == {"code"} and journey.current_step == "intro_course"


def test_a_submitted_application_waits_for_review():
    journey = build_journey("application_submitted", license_("claimed"), [application("submitted")], [], NOW)
    assert journey.done == {"intro_course", "code", "apply"} and journey.current_step == "review"
    assert journey.states["review"] == "waiting"
    assert not journey.can_apply


def test_an_eligible_license_before_its_deadline_may_be_used_and_shows_days_left():
    deadline = (NOW + timedelta(days=45, hours=3)).isoformat()
    journey = build_journey("approved", license_("eligible", redeem_by=deadline, days_left=45),
                            [application("approved", redeem_by=deadline)], [], NOW)
    assert journey.can_use_license and journey.days_left == 45 and journey.redeem_by == deadline
    assert journey.current_step == "use_license"


def test_an_approval_without_a_linked_code_shows_the_approvals_deadline():
    deadline = (NOW + timedelta(days=10)).isoformat()
    journey = build_journey("approved", None, [application("approved", redeem_by=deadline)], [], NOW)
    # The days left are the licenses service's count; without a license it has given none, so only the date shows.
    assert journey.redeem_by == deadline and journey.days_left is None and not journey.can_use_license
    assert journey.current_step == "code" and not journey.can_apply


def test_a_passed_deadline_cannot_be_used():
    deadline = (NOW - timedelta(minutes=1)).isoformat()
    journey = build_journey("approved", license_("eligible", redeem_by=deadline, days_left=0),
                            [application("approved", redeem_by=deadline)], [], NOW)
    assert not journey.can_use_license


def test_after_a_refusal_the_review_reads_refused_and_applying_again_is_next():
    journey = build_journey("refused", license_("claimed"), [application("refused", reason="Too short")], [], NOW)
    assert journey.can_apply and journey.done == {"intro_course", "code"}
    assert journey.states["review"] == "refused" and journey.states["use_license"] == "todo"
    assert journey.current_step == "apply" and journey.next_action == "apply_again"


def test_when_documents_are_requested_the_employee_acts_not_wscc():
    journey = build_journey("documents_requested", license_("claimed"), [application("documents_requested")], [], NOW)
    assert journey.states["apply"] == "action" and journey.states["review"] == "todo"
    assert journey.current_step == "apply" and journey.next_action == "add_documents"
    assert not journey.waiting_on_wscc


def test_while_wscc_reviews_nothing_is_asked_of_the_employee():
    journey = build_journey("under_review", None, [application("under_review")], [], NOW)
    assert journey.states["review"] == "waiting" and journey.current_step == "review"
    assert journey.next_action is None


def enrolment(status: str = "in_course", **changes) -> dict:
    """As the courses service sends the employee's own enrolment of license "l"."""
    exam = {"can_start": False, "reason": "course_incomplete", "next_attempt_at": None, "open_attempt_id": None,
            "attempts_used": 0, "attempts_allowed": 3}
    return {"enrolment_id": "e", "license_id": "l", "status": status, "course_completed_at": None,
            "access_ends_at": (NOW + timedelta(days=40)).isoformat(), "lessons_done": 2, "lessons_total": 8,
            "last_result": None, "certificate": None} | changes | {"exam": exam | changes.get("exam", {})}


def test_after_redemption_the_course_is_awaited_until_the_courses_service_opens_it():
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [], NOW)
    assert journey.states["use_license"] == "done" and journey.states["course"] == "waiting"
    assert "course" not in journey.done and journey.current_step == "course" and journey.next_action is None


def test_a_course_in_progress_is_the_next_action():
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [enrolment()], NOW)
    assert journey.states["course"] == "in_progress" and journey.states["exam"] == "todo"
    assert journey.current_step == "course" and journey.next_action == "continue_course"


def test_someone_elses_license_enrolment_is_not_this_journey():
    other = enrolment() | {"license_id": "an earlier license"}
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [other], NOW)
    assert journey.enrolment is None and journey.states["course"] == "waiting"


def test_a_finished_course_opens_the_exam():
    done = enrolment("exam_open", course_completed_at=NOW.isoformat(), exam={"can_start": True, "reason": None})
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [done], NOW)
    assert journey.states["course"] == "done" and journey.states["exam"] == "available"
    assert journey.current_step == "exam" and journey.next_action == "take_exam"


def test_a_failed_attempt_waits_for_the_next_one_with_nothing_to_press():
    failed = enrolment("exam_open", course_completed_at=NOW.isoformat(), last_result="failed",
                       exam={"reason": "wait", "next_attempt_at": (NOW + timedelta(days=7)).isoformat(),
                             "attempts_used": 1})
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [failed], NOW)
    assert journey.states["exam"] == "failed" and journey.outlook.reason == "wait"
    assert journey.outlook.attempts_left == 2 and journey.next_action is None


def test_no_attempts_left_ends_the_exam():
    failed = enrolment("failed", course_completed_at=NOW.isoformat(), last_result="failed",
                       exam={"reason": "no_attempts_left", "attempts_used": 3})
    journey = build_journey("redeemed", license_("finished"), [application("approved")], [failed], NOW)
    assert journey.states["exam"] == "ended" and journey.states["certificate"] == "todo"
    assert journey.next_action is None


def test_a_pass_awaiting_signoff_waits_for_wscc_then_the_certificate_is_the_last_step():
    waiting = enrolment("awaiting_signoff", course_completed_at=NOW.isoformat(), last_result="passed",
                        exam={"reason": "passed"})
    journey = build_journey("redeemed", license_("redeemed"), [application("approved")], [waiting], NOW)
    assert journey.states["exam"] == "done" and journey.states["certificate"] == "waiting"
    assert journey.next_action is None
    certified = waiting | {"status": "certified", "certificate": {"number": "N", "display_number": "N"}}
    journey = build_journey("redeemed", license_("finished"), [application("approved")], [certified], NOW)
    assert {"course", "exam", "certificate", "use_license"} <= journey.done
    assert journey.current_step is None and journey.next_action == "view_certificate"
    assert journey.redeemed and not journey.can_apply


def test_the_main_button_follows_the_journey():
    assert build_journey("registered", None, [], [], NOW).next_action == "intro_course"
    assert build_journey("intro_course_done", None, [], [], NOW).next_action == "apply"
    assert build_journey("intro_course_done", None, [application("draft")], [], NOW).next_action == "continue_application"
    approved = [application("approved", redeem_by=(NOW + timedelta(days=9)).isoformat())]
    assert build_journey("approved", None, approved, [], NOW).next_action == "link_code"
    eligible = license_("eligible", redeem_by=approved[0]["redeem_by"], days_left=9)
    assert build_journey("approved", eligible, approved, [], NOW).next_action == "use_license"


def test_the_days_left_are_the_licenses_services_never_counted_again_here():
    deadline = (NOW + timedelta(days=44, hours=12)).isoformat()  # 44.5 days: the licenses service says 45
    journey = build_journey("approved", license_("eligible", redeem_by=deadline, days_left=45),
                            [application("approved", redeem_by=deadline)], [], NOW)
    assert journey.days_left == 45


def test_live_is_what_the_licenses_service_says():
    redeemed = build_journey("redeemed", license_("redeemed"), [application("approved")], [], NOW)
    assert not redeemed.has_live_license and "code" in redeemed.done
    assert build_journey("intro_course_done", license_("claimed"), [], [], NOW).has_live_license


def test_the_steps_behind_the_employee_are_the_licenses_services_progress():
    """Whatever the application list says, the steps follow the progress the company reads too."""
    journey = build_journey("intro_course_done", None, [application("submitted")], [], NOW)
    assert journey.done == {"intro_course"} and journey.current_step == "apply"
    expired = build_journey("expired", license_("expired"), [application("approved")], [], NOW)
    assert expired.done == {"intro_course", "apply", "review"}
