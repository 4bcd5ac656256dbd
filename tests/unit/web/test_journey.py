"""Where an employee stands, worked out from what the services say: steps done, the next one, the deadline."""
from datetime import UTC, datetime, timedelta

from services.web.journey import build_journey, days_until

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
COURSE_DONE = {"modules": [], "completed_at": "2027-01-02T10:00:00+00:00"}
COURSE_NOT_DONE = {"modules": [], "completed_at": None}


def application(status: str, **changes) -> dict:
    return {"id": "a", "status": status, "certification": {"code": "c"}, "redeem_by": None} | changes


def license_(status: str, **changes) -> dict:
    return {"id": "l", "code": "X", "status": status, "redeem_by": None, "days_left": None} | changes


def test_a_new_employee_starts_with_the_introduction_course():
    journey = build_journey(COURSE_NOT_DONE, None, [], [], NOW)
    assert journey.done == set() and journey.current_step == "intro_course"
    assert not journey.can_use_license and journey.can_apply


def test_the_code_may_be_linked_before_the_course_is_done():
    journey = build_journey(COURSE_NOT_DONE, license_("claimed"), [], [], NOW)
    assert journey.done == {"code"} and journey.current_step == "intro_course"


def test_a_submitted_application_waits_for_review():
    journey = build_journey(COURSE_DONE, license_("claimed"), [application("submitted")], [], NOW)
    assert journey.done == {"intro_course", "code", "apply"} and journey.current_step == "review"
    assert not journey.can_apply


def test_an_eligible_license_before_its_deadline_may_be_used_and_shows_days_left():
    deadline = (NOW + timedelta(days=45, hours=3)).isoformat()
    journey = build_journey(COURSE_DONE, license_("eligible", redeem_by=deadline, days_left=45),
                            [application("approved", redeem_by=deadline)], [], NOW)
    assert journey.can_use_license and journey.days_left == 45 and journey.redeem_by == deadline
    assert journey.current_step == "use_license"


def test_an_approval_without_a_linked_code_shows_the_approvals_deadline():
    deadline = (NOW + timedelta(days=10)).isoformat()
    journey = build_journey(COURSE_DONE, None, [application("approved", redeem_by=deadline)], [], NOW)
    assert journey.redeem_by == deadline and journey.days_left == 10 and not journey.can_use_license
    assert journey.current_step == "code" and not journey.can_apply


def test_a_passed_deadline_cannot_be_used():
    deadline = (NOW - timedelta(minutes=1)).isoformat()
    journey = build_journey(COURSE_DONE, license_("eligible", redeem_by=deadline, days_left=0),
                            [application("approved", redeem_by=deadline)], [], NOW)
    assert not journey.can_use_license


def test_after_a_refusal_the_employee_may_apply_again():
    journey = build_journey(COURSE_DONE, license_("claimed"), [application("refused", reason="Too short")], [], NOW)
    assert journey.can_apply and "review" in journey.done


def test_redeemed_and_open_is_the_end_of_the_journey():
    journey = build_journey(COURSE_DONE, license_("redeemed"), [application("approved")],
                            [{"certification": {"code": "c"}, "opened_at": NOW.isoformat()}], NOW)
    assert journey.current_step is None and journey.redeemed and not journey.can_apply


def test_days_until_counts_whole_days_and_never_goes_negative():
    assert days_until((NOW + timedelta(days=2, hours=1)).isoformat(), NOW) == 2
    assert days_until((NOW - timedelta(days=1)).isoformat(), NOW) == 0
    assert days_until("2027-01-20T12:00:00Z", NOW) == 5
    assert days_until(None, NOW) is None
