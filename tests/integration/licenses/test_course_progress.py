"""Past redemption, the company follows each step of the course and exam from the courses service's events, in
whatever order they arrive, and the license is finished once the course and exam are over."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from common.events import new_event
from services.licenses.models import LicenseStatus
from tests.integration.licenses.support import (CERTIFICATION, events_about, handled, history_of, issued_codes,
                                                license_row, make_eligible_directly, registered, wait_for)


def redeemed_license(db, company_id, employee) -> uuid.UUID:
    [license_] = issued_codes(db, company_id, 1)
    make_eligible_directly(db, license_.id, uuid.UUID(employee.actor.user_id), datetime.now(UTC) + timedelta(days=30))
    assert employee.redeem().status_code == 200
    return license_.id


def course_event(event_type: str, license_id, company_id, employee_id, at: datetime, **extra):
    data = {"enrolment_id": str(uuid.uuid4()), "license_id": str(license_id), "company_id": str(company_id),
            "employee_id": str(employee_id), "certification": CERTIFICATION.model_dump(), "at": at.isoformat(),
            "access_ends_at": (at + timedelta(days=42)).isoformat(), "lessons_done": extra.pop("lessons_done", 0),
            "lessons_total": 8, "attempts_used": extra.pop("attempts_used", 0), "attempts_allowed": 3, **extra}
    return new_event(event_type, data)


def exam_result(event_type: str, *args, passed: bool, number: int, **extra):
    return course_event(event_type, *args, attempt_id=str(uuid.uuid4()), attempt_number=number,
                        score_percent="85.00" if passed else "60.00", pass_mark_percent=80, passed=passed,
                        attempts_used=number, lessons_done=8, **extra)


def certificate_event(event_type: str, license_id, company_id, employee_id, at: datetime, status: str = "valid"):
    return new_event(event_type, {
        "number": "7K3QD9XH2A", "enrolment_id": str(uuid.uuid4()), "license_id": str(license_id),
        "company_id": str(company_id), "employee_id": str(employee_id), "certification": CERTIFICATION.model_dump(),
        "at": at.isoformat(), "issued_at": at.isoformat(), "expires_at": (at + timedelta(days=1826)).isoformat(),
        "status": status})


def company_view(company, license_id) -> dict:
    return company.call("GET", f"/internal/licenses/{license_id}").json()["employee"]["course"]


def test_the_company_follows_the_course_and_the_certificate_finishes_the_license(company, company_id, employee,
                                                                                 events, db):
    license_id = redeemed_license(db, company_id, employee)
    employee_id = employee.actor.user_id
    start = datetime.now(UTC)
    who = (license_id, company_id, employee_id)
    sent = [events.publish(registered(uuid.UUID(employee_id))),
            events.publish(course_event("course.opened", *who, start)),
            events.publish(course_event("course.completed", *who, start + timedelta(days=1), lessons_done=8)),
            events.publish(exam_result("exam.failed", *who, start + timedelta(days=2), passed=False, number=1))]
    assert wait_for(lambda: handled(db, *sent))
    view = company_view(company, license_id)
    assert (view["stage"], view["lessons_done"], view["attempts_used"], view["last_result"]) == \
        ("exam_failed", 8, 1, "failed")
    assert "score_percent" not in view
    assert license_row(db, license_id).status == LicenseStatus.REDEEMED

    late_opened = events.publish(course_event("course.opened", *who, start))  # redelivered late: changes nothing
    issued = events.publish(certificate_event("certificate.issued", *who, start + timedelta(days=10)))
    passed = events.publish(exam_result("exam.passed", *who, start + timedelta(days=9), passed=True, number=2))
    assert wait_for(lambda: handled(db, late_opened, issued, passed))
    view = company_view(company, license_id)
    assert (view["stage"], view["last_result"]) == ("certified", "passed")
    assert view["certificate"]["number"] == "7K3QD9XH2A" and view["certificate"]["status"] == "valid"
    assert license_row(db, license_id).status == LicenseStatus.FINISHED
    assert [entry.to_status for entry in history_of(db, license_id)][-1] == LicenseStatus.FINISHED
    assert not events_about(db, [license_id], "license.finished")  # no event of its own: the courses' events said it

    revoked = events.publish(certificate_event("certificate.revoked", *who, start + timedelta(days=20), "revoked"))
    assert wait_for(lambda: handled(db, revoked))
    assert company_view(company, license_id)["certificate"]["status"] == "revoked"
    again = events.publish(certificate_event("certificate.issued", *who, start + timedelta(days=10)))
    assert wait_for(lambda: handled(db, again))  # a different event id, same facts, older: the revocation stands
    assert company_view(company, license_id)["certificate"]["status"] == "revoked"


def test_an_attempt_granted_after_the_last_failed_reopens_the_finished_license(company, company_id, employee,
                                                                               events, db):
    license_id = redeemed_license(db, company_id, employee)
    who, now = (license_id, company_id, employee.actor.user_id), datetime.now(UTC)
    exhausted = events.publish(exam_result("exam.attempts_exhausted", *who, now, passed=False, number=3))
    assert wait_for(lambda: handled(db, exhausted))
    assert license_row(db, license_id).status == LicenseStatus.FINISHED
    granted = events.publish(course_event("exam.attempt_granted", *who, now + timedelta(hours=1), lessons_done=8,
                                          attempts_used=3, attempts_allowed=4))
    late = events.publish(exam_result("exam.attempts_exhausted", *who, now, passed=False, number=3))  # redelivered
    assert wait_for(lambda: handled(db, granted, late))
    assert license_row(db, license_id).status == LicenseStatus.REDEEMED
    assert [entry.to_status for entry in history_of(db, license_id)][-2:] == [LicenseStatus.FINISHED,
                                                                              LicenseStatus.REDEEMED]
    view = company_view(company, license_id)
    assert (view["stage"], view["attempts_used"], view["attempts_allowed"]) == ("exam_open", 3, 4)


def test_an_employee_out_of_attempts_may_hold_a_new_code(company, company_id, employee, events, db):
    license_id = redeemed_license(db, company_id, employee)
    employee_id = employee.actor.user_id
    exhausted = events.publish(exam_result("exam.attempts_exhausted", license_id, company_id, employee_id,
                                           datetime.now(UTC), passed=False, number=3))
    assert wait_for(lambda: handled(db, exhausted))
    assert license_row(db, license_id).status == LicenseStatus.FINISHED
    [second] = issued_codes(db, company_id, 1)
    from services.licenses.codes import display
    assert employee.claim(display(second.code)).status_code == 200
