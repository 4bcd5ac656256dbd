"""application.approved makes the employee's license eligible, whether the code was entered before or after, with
the deadline of the approval; the employees projection follows the journey whatever the order of the events."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from common.db import Database
from services.licenses.models import Employee, LicenseStatus
from tests.handler_runs import all_runs_finished
from tests.integration.licenses.support import (application_change, approval, events_about, handled, history_of,
                                                issued_codes, license_row, refusal, registered, wait_for)


def wait_for_status(db: Database, license_id, status: str):
    return wait_for(lambda: license_row(db, license_id).status == status)


def test_an_approval_after_the_claim_makes_the_license_eligible_until_its_deadline(company_id, employee, events, db):
    license_ = issued_codes(db, company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    approved_at = datetime.now(UTC) - timedelta(days=2)
    event = events.publish(approval(uuid.UUID(employee.actor.user_id), approved_at))
    assert wait_for_status(db, license_.id, LicenseStatus.ELIGIBLE)
    answer = employee.call("GET", "/internal/licenses/mine").json()
    mine = answer["license"]
    assert mine["redeem_by"] == (approved_at + timedelta(days=90)).isoformat()
    # 88 days minus a few seconds, rounded up: the licenses service's count, which the pages show as it is.
    assert mine["approved_at"] == approved_at.isoformat() and mine["days_left"] == 88
    # The employee's progress (the projection that the company's table shows too) and "live" are decided here.
    assert mine["live"] is True and answer["progress"] == "approved"
    assert mine["certification"]["code"] == "shift_boss_underground"
    assert history_of(db, license_.id)[-1].cause == f"event application.approved {event.id}"
    eligible = events_about(db, [license_.id], "license.eligible")
    assert len(eligible) == 1
    assert datetime.fromisoformat(eligible[0]["data"]["redeem_by"]) == datetime.fromisoformat(mine["redeem_by"])


def test_an_approval_before_the_claim_is_applied_at_the_claim_with_the_approvals_deadline(
        company_id, employee, events, db):
    license_ = issued_codes(db, company_id)[0]
    employee_id = uuid.UUID(employee.actor.user_id)
    approved_at = datetime.now(UTC) - timedelta(days=10)
    events.publish(approval(employee_id, approved_at))
    assert wait_for(lambda: knows_approval_of(db, employee_id))
    answer = employee.claim(license_.code).json()
    assert answer["status"] == "eligible"
    assert answer["redeem_by"] == (approved_at + timedelta(days=90)).isoformat() and answer["days_left"] == 80
    assert [(h.from_status, h.to_status) for h in history_of(db, license_.id)] == [
        (None, "available"), ("available", "claimed"), ("claimed", "eligible")]
    assert [e["type"] for e in events_about(db, [license_.id])] == ["license.claimed", "license.eligible"]


def knows_approval_of(db: Database, employee_id: uuid.UUID) -> bool:
    """Whether the licenses worker has handled the employee's approval (read from its projection)."""
    with db.reading() as session:
        row = session.get(Employee, employee_id)
        return row is not None and row.decision == "approved"


ELIGIBILITY_TASK = "licenses.make_approved_employees_license_eligible"


def test_an_approval_delivered_twice_makes_one_license_eligible_once(company_id, employee, events, processes, db):
    license_ = issued_codes(db, company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    first = events.publish(approval(uuid.UUID(employee.actor.user_id)), times=2)
    # A second approval event (another id, same facts) finds no claimed license left either.
    second = events.publish(approval(uuid.UUID(employee.actor.user_id)))
    assert wait_for(lambda: handled(db, first, second))
    # The redelivered copy of the first is skipped by the inbox: once all three runs have finished, it added nothing.
    assert wait_for(lambda: all_runs_finished(processes.log("licenses-worker"), ELIGIBILITY_TASK,
                                              {str(first.id), str(second.id)}, at_least=3))
    assert len(events_about(db, [license_.id], "license.eligible")) == 1
    assert [h.to_status for h in history_of(db, license_.id)].count("eligible") == 1


def test_progress_never_goes_backwards_when_events_arrive_out_of_order(company_id, company, employee, events, db):
    license_ = issued_codes(db, company_id)[0]
    employee_id = uuid.UUID(employee.actor.user_id)
    assert employee.claim(license_.code).status_code == 200
    t0 = datetime.now(UTC) - timedelta(hours=5)
    sent = [events.publish(application_change("application.review_started", employee_id, t0 + timedelta(hours=2))),
            events.publish(application_change("application.submitted", employee_id, t0 + timedelta(hours=1))),
            events.publish(registered(employee_id, "Jonas Kilabuk", occurred_at=t0))]
    assert wait_for(lambda: handled(db, *sent))
    linked = _item(company, license_.id)["employee"]
    assert linked["name"] == "Jonas Kilabuk" and linked["progress"] == "under_review"
    assert linked["progress_at"] == (t0 + timedelta(hours=2)).isoformat()
    assert linked["certification"]["code"] == "shift_boss_underground"


def test_a_refusal_leaves_the_code_releasable_and_a_late_older_approval_changes_nothing(
        company_id, company, employee, events, db):
    license_ = issued_codes(db, company_id)[0]
    employee_id = uuid.UUID(employee.actor.user_id)
    assert employee.claim(license_.code).status_code == 200
    refused_at = datetime.now(UTC) - timedelta(days=1)
    refused = events.publish(refusal(employee_id, refused_at))
    assert wait_for(lambda: handled(db, refused))
    assert _item(company, license_.id)["employee"]["progress"] == "refused"
    assert _item(company, license_.id)["releasable"]
    # An older approval arriving late changes nothing: the refusal is the latest decision.
    late = events.publish(approval(employee_id, refused_at - timedelta(days=3)))
    assert wait_for(lambda: handled(db, late))
    assert license_row(db, license_.id).status == LicenseStatus.CLAIMED
    assert _item(company, license_.id)["releasable"]


def _item(company, license_id) -> dict:
    items = company.call("GET", "/internal/licenses", per_page=500).json()["items"]
    return next(item for item in items if item["id"] == str(license_id))


def test_approvals_arriving_while_their_employees_claim_are_never_lost(company_id, licenses_service, events, db):
    """Claim and approval at the same moment: whichever commits first, the other sees it (the employee's row is
    locked by both), so every license ends eligible."""
    codes = issued_codes(db, company_id, 20)
    employees = [licenses_service.as_actor("employee") for _ in codes]
    approvals = [approval(uuid.UUID(employee.actor.user_id)) for employee in employees]
    start = threading.Barrier(len(codes) + 1)

    def claim(pair) -> int:
        employee, license_ = pair
        start.wait()
        return employee.claim(license_.code).status_code

    with ThreadPoolExecutor(len(codes)) as pool:
        claims = pool.map(claim, zip(employees, codes, strict=True))
        start.wait()
        for event in approvals:
            events.publish(event)
        assert set(claims) == {200}
    assert wait_for(lambda: handled(db, *approvals))
    assert {license_row(db, license_.id).status for license_ in codes} == {LicenseStatus.ELIGIBLE}
    assert len(events_about(db, [license_.id for license_ in codes], "license.eligible")) == len(codes)
