"""A code linked to a refused employee goes back to the company and on to someone else; an administrator
reinstates an expired code. The history keeps every employee and every cause."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.licenses.models import LicenseStatus
from services.licenses.runtime import get_runtime
from services.licenses.sweeps import expire_due_licenses
from tests.integration.licenses.support import (events_about, handled, issued_codes, license_row,
                                                make_eligible_directly, refusal, registered, wait_until)


def test_a_refused_employees_code_is_released_and_claimed_by_a_second_employee(
        company_id, company, licenses_service, events):
    license_ = issued_codes(company_id)[0]
    first = licenses_service.as_actor("employee")
    first_id = uuid.UUID(first.actor.user_id)
    long_ago = datetime.now(UTC) - timedelta(days=20)
    profile = events.publish(registered(first_id, "Aputi Nasogaluak", occurred_at=long_ago))
    assert first.claim(license_.code).status_code == 200
    events.publish(refusal(first_id))
    assert wait_until(lambda: handled(profile) and _releasable(company, license_.id))

    released = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert released.status_code == 200, released.text
    assert released.json()["status"] == "available" and released.json()["employee"] is None
    assert license_row(license_.id).employee_id is None
    assert first.call("GET", "/internal/licenses/mine").json() == {"license": None}

    second = licenses_service.as_actor("employee")
    assert second.claim(license_.code).status_code == 200
    history = company.call("GET", f"/internal/licenses/{license_.id}/history").json()["items"]
    assert [(item["from_status"], item["to_status"]) for item in history] == [
        (None, "available"), ("available", "claimed"), ("claimed", "available"), ("available", "claimed")]
    assert [item["employee"] and item["employee"]["id"] for item in history] == [
        None, str(first_id), str(first_id), second.actor.user_id]
    assert history[1]["employee"]["name"] == "Aputi Nasogaluak"
    assert history[2]["cause"] == f"company {company.actor.user_id}"
    released_event = events_about([license_.id], "license.released")
    assert len(released_event) == 1 and released_event[0]["data"]["employee_id"] == str(first_id)


def _releasable(company, license_id) -> bool:
    items = company.call("GET", "/internal/licenses", per_page=500).json()["items"]
    return next(item for item in items if item["id"] == str(license_id))["releasable"]


def test_a_code_whose_employee_was_not_refused_is_not_releasable(company_id, company, employee):
    license_ = issued_codes(company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    answer = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "not_releasable")
    assert license_row(license_.id).status == LicenseStatus.CLAIMED


def test_another_companys_code_is_unknown(company_id, licenses_service):
    license_ = issued_codes(company_id)[0]
    stranger = licenses_service.as_actor("company", company_id=uuid.uuid4())
    assert stranger.call("POST", f"/internal/licenses/{license_.id}/release").status_code == 404
    assert stranger.call("GET", f"/internal/licenses/{license_.id}/history").status_code == 404


def test_an_administrator_reinstates_an_expired_license_with_a_new_deadline(company_id, licenses_service):
    license_ = issued_codes(company_id)[0]
    employee_id = uuid.uuid4()
    make_eligible_directly(license_.id, employee_id, datetime.now(UTC) - timedelta(hours=1))
    admin = licenses_service.as_actor("admin")
    early = admin.call("POST", f"/internal/admin/licenses/{license_.id}/reinstate",
                       {"redeem_by": (datetime.now(UTC) + timedelta(days=30)).isoformat()})
    assert (early.status_code, early.json()["error"]["code"]) == (409, "not_expired")
    expire_due_licenses(get_runtime().db, datetime.now(UTC), batch_size=100)

    for bad in ("next tuesday", (datetime.now(UTC) - timedelta(days=1)).isoformat(), None):
        answer = admin.call("POST", f"/internal/admin/licenses/{license_.id}/reinstate", {"redeem_by": bad})
        assert (answer.status_code, answer.json()["error"]["code"]) == (422, "invalid_deadline"), bad
    deadline = datetime.now(UTC) + timedelta(days=14)
    answer = admin.call("POST", f"/internal/admin/licenses/{license_.id}/reinstate",
                        {"redeem_by": deadline.isoformat()})
    assert answer.status_code == 200 and answer.json()["status"] == "eligible"
    assert license_row(license_.id).redeem_by == deadline
    assert [e["type"] for e in events_about([license_.id])] == ["license.expired", "license.reinstated"]
    company = licenses_service.as_actor("company", company_id=company_id)
    assert company.call("POST", f"/internal/admin/licenses/{license_.id}/reinstate",
                        {"redeem_by": deadline.isoformat()}).status_code == 403
