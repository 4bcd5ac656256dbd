"""POST /internal/licenses/mine/redeem: an eligible license is used once, before its deadline, whatever the
number of calls at once."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from common.db import Database
from services.licenses.models import License, LicenseStatus
from tests.integration.licenses.support import (approval, events_about, handled, history_of, issued_codes,
                                                license_row, make_eligible_directly, wait_for)

CALLS = 50


def eligible_license_of(db: Database, company_id, employee, redeem_by: datetime | None = None):
    license_ = issued_codes(db, company_id)[0]
    make_eligible_directly(db, license_.id, uuid.UUID(employee.actor.user_id),
                           redeem_by or datetime.now(UTC) + timedelta(days=60))
    return license_row(db, license_.id)


def test_fifty_simultaneous_redemptions_redeem_once_and_all_get_the_redeemed_license(company_id, employee, db):
    license_ = eligible_license_of(db, company_id, employee)
    start = threading.Barrier(CALLS)

    def redeem(_: int):
        start.wait()
        return employee.as_actor("employee", user_id=uuid.UUID(employee.actor.user_id)).redeem()

    with ThreadPoolExecutor(CALLS) as pool:
        answers = list(pool.map(redeem, range(CALLS)))
    assert {answer.status_code for answer in answers} == {200}
    assert {answer.json()["status"] for answer in answers} == {"redeemed"}
    assert len({answer.json()["redeemed_at"] for answer in answers}) == 1
    assert [h.to_status for h in history_of(db, license_.id)].count("redeemed") == 1
    redeemed = events_about(db, [license_.id], "license.redeemed")
    assert len(redeemed) == 1
    data = redeemed[0]["data"]
    assert data["certification"]["code"] == "shift_boss_underground"
    assert data["application_id"] == str(license_.application_id)
    assert data["employee_id"] == employee.actor.user_id and data["company_id"] == str(company_id)


def test_a_license_past_its_deadline_cannot_be_redeemed_even_before_the_expiry_run(company_id, employee, db):
    license_ = eligible_license_of(db, company_id, employee, datetime.now(UTC) - timedelta(minutes=1))
    answer = employee.redeem()
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "deadline_passed")
    assert license_row(db, license_.id).status == LicenseStatus.ELIGIBLE


def test_a_claimed_license_is_not_yet_eligible(company_id, employee, db):
    license_ = issued_codes(db, company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    answer = employee.redeem()
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "not_eligible")


def test_an_employee_without_a_license_is_told_so(employee):
    answer = employee.redeem()
    assert (answer.status_code, answer.json()["error"]["code"]) == (404, "no_license")


def test_an_approval_is_used_once_a_second_code_claimed_after_finishing_stays_claimed(
        company_id, employee, events, db):
    first, second = issued_codes(db, company_id, 2)
    assert employee.claim(first.code).status_code == 200
    approved = events.publish(approval(uuid.UUID(employee.actor.user_id)))
    assert wait_for(lambda: handled(db, approved))
    assert employee.redeem().json()["status"] == "redeemed"
    # Held until finished: no second code before then.
    assert employee.claim(second.code).json()["error"]["code"] == "employee_has_license"
    with db.unit_of_work() as session:  # the courses service will say so; set here directly
        session.execute(update(License).where(License.id == first.id).values(status=LicenseStatus.FINISHED))
    answer = employee.claim(second.code)
    assert answer.status_code == 200 and answer.json()["status"] == "claimed"
    assert employee.call("GET", "/internal/licenses/mine").json()["license"]["id"] == str(second.id)
    assert employee.redeem().json()["error"]["code"] == "not_eligible"