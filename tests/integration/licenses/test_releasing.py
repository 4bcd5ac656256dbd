"""A code linked to a refused employee goes back to the company and on to someone else; an administrator
looks up and reinstates an expired code by the code as typed. The history keeps every employee and every cause."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from common.db import Database
from services.licenses.codes import ALPHABET, display, generate_code
from services.licenses.models import License, LicenseStatus
from services.licenses.sweeps import expire_due_licenses
from tests.integration.licenses.support import (events_about, handled, history_of, issued_codes, license_row,
                                                make_eligible_directly, refusal, registered, wait_for)


def test_a_refused_employees_code_is_released_and_claimed_by_a_second_employee(
        company_id, company, licenses_service, events, db):
    license_ = issued_codes(db, company_id)[0]
    first = licenses_service.as_actor("employee")
    first_id = uuid.UUID(first.actor.user_id)
    long_ago = datetime.now(UTC) - timedelta(days=20)
    profile = events.publish(registered(first_id, "Aputi Nasogaluak", occurred_at=long_ago))
    assert first.claim(license_.code).status_code == 200
    events.publish(refusal(first_id))
    assert wait_for(lambda: handled(db, profile) and _releasable(company, license_.id))

    released = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert released.status_code == 200, released.text
    assert released.json()["status"] == "available" and released.json()["employee"] is None
    assert license_row(db, license_.id).employee_id is None
    assert first.call("GET", "/internal/licenses/mine").json()["license"] is None

    second = licenses_service.as_actor("employee")
    assert second.claim(license_.code).status_code == 200
    history = company.call("GET", f"/internal/licenses/{license_.id}/history").json()["items"]
    assert [(item["from_status"], item["to_status"]) for item in history] == [
        (None, "available"), ("available", "claimed"), ("claimed", "available"), ("available", "claimed")]
    assert [item["employee"] and item["employee"]["id"] for item in history] == [
        None, str(first_id), str(first_id), second.actor.user_id]
    assert history[1]["employee"]["name"] == "Aputi Nasogaluak"
    assert history[2]["cause"] == f"company {company.actor.user_id}"
    released_event = events_about(db, [license_.id], "license.released")
    assert len(released_event) == 1 and released_event[0]["data"]["employee_id"] == str(first_id)


def _releasable(company, license_id) -> bool:
    items = company.call("GET", "/internal/licenses", per_page=500).json()["items"]
    return next(item for item in items if item["id"] == str(license_id))["releasable"]


def test_a_claimed_code_of_an_employee_not_refused_is_released(company_id, company, employee, db):
    """The employee will not qualify soon: the company takes the code back without waiting for a refusal."""
    license_ = issued_codes(db, company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    assert _releasable(company, license_.id)
    answer = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert answer.status_code == 200, answer.text
    assert (answer.json()["status"], license_row(db, license_.id).employee_id) == ("available", None)
    assert employee.call("GET", "/internal/licenses/mine").json()["license"] is None
    [released] = events_about(db, [license_.id], "license.released")
    assert released["data"]["employee_id"] == employee.actor.user_id


def test_an_eligible_code_is_released_with_its_deadline(company_id, company, licenses_service, db):
    license_ = issued_codes(db, company_id)[0]
    employee_id = uuid.uuid4()
    make_eligible_directly(db, license_.id, employee_id, datetime.now(UTC) + timedelta(days=60))
    assert _releasable(company, license_.id)
    answer = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert answer.status_code == 200, answer.text
    row = license_row(db, license_.id)
    assert (row.status, row.employee_id, row.redeem_by, row.application_id) == ("available", None, None, None)
    assert [(h.from_status, h.to_status, h.employee_id) for h in history_of(db, license_.id)][-1] == (
        "eligible", "available", employee_id)
    [released] = events_about(db, [license_.id], "license.released")
    assert released["data"]["employee_id"] == str(employee_id)
    # Given to someone else, it is merely claimed: the first employee's approval stays theirs.
    second = licenses_service.as_actor("employee")
    assert second.claim(license_.code).json()["status"] == "claimed"


def test_a_redeemed_code_cannot_be_released(company_id, company, licenses_service, db):
    license_ = issued_codes(db, company_id)[0]
    employee_id = uuid.uuid4()
    make_eligible_directly(db, license_.id, employee_id, datetime.now(UTC) + timedelta(days=60))
    assert licenses_service.as_actor("employee", user_id=employee_id).redeem().status_code == 200
    assert not _releasable(company, license_.id)
    answer = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert answer.status_code == 409
    assert answer.json()["error"] == {"code": "not_releasable", "fields": {"status": "redeemed"}}
    assert license_row(db, license_.id).status == LicenseStatus.REDEEMED
    assert events_about(db, [license_.id], "license.released") == []


def test_an_available_code_cannot_be_released(company_id, company, db):
    license_ = issued_codes(db, company_id)[0]
    answer = company.call("POST", f"/internal/licenses/{license_.id}/release")
    assert answer.json()["error"] == {"code": "not_releasable", "fields": {"status": "available"}}


def test_another_companys_code_is_unknown(company_id, licenses_service, db):
    license_ = issued_codes(db, company_id)[0]
    stranger = licenses_service.as_actor("company", company_id=uuid.uuid4())
    assert stranger.call("POST", f"/internal/licenses/{license_.id}/release").status_code == 404
    assert stranger.call("GET", f"/internal/licenses/{license_.id}/history").status_code == 404


def as_typed(code: str) -> str:
    """A code as an administrator might type it: lower case, groups apart."""
    return display(code).lower().replace("-", " ")


def mistyped(code: str) -> str:
    """One character changed: the check character catches it."""
    wrong = next(symbol for symbol in ALPHABET if symbol != code[3])
    return as_typed(code[:3] + wrong + code[4:])


def expired_license(db: Database, company_id: uuid.UUID, employee_id: uuid.UUID) -> License:
    license_ = issued_codes(db, company_id)[0]
    make_eligible_directly(db, license_.id, employee_id, datetime.now(UTC) - timedelta(hours=1))
    expire_due_licenses(db, datetime.now(UTC), batch_size=100)
    assert license_row(db, license_.id).status == LicenseStatus.EXPIRED
    return license_


def reinstate(admin, typed: str | None, redeem_by: str | None):
    return admin.call("POST", "/internal/admin/licenses/reinstate", {"code": typed, "redeem_by": redeem_by})


def in_days(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def test_an_administrator_looks_a_code_up_as_typed(company_id, licenses_service, events, db):
    admin = licenses_service.as_actor("admin")
    available = issued_codes(db, company_id)[0]
    found = admin.call("GET", "/internal/admin/licenses/lookup", code=as_typed(available.code))
    assert found.status_code == 200, found.text
    assert found.json() | {"company_id": str(company_id), "status": "available", "employee": None,
                           "redeem_by": None, "code": display(available.code)} == found.json()

    employee_id = uuid.uuid4()
    profile = events.publish(registered(employee_id, "Aputi Nasogaluak"))
    license_ = expired_license(db, company_id, employee_id)
    assert wait_for(lambda: handled(db, profile))
    found = admin.call("GET", "/internal/admin/licenses/lookup", code=as_typed(license_.code)).json()
    assert (found["company_id"], found["status"], found["employee"]) == (
        str(company_id), "expired", {"id": str(employee_id), "name": "Aputi Nasogaluak"})
    assert datetime.fromisoformat(found["redeem_by"]) == license_row(db, license_.id).redeem_by
    assert found["expired_at"] and found["days_left"] is None

    for typed, status, code in (("not a code", 422, "malformed_code"), (None, 422, "malformed_code"),
                                (mistyped(license_.code), 422, "mistyped_code"),
                                (as_typed(generate_code()), 404, "unknown_code")):
        params = {"code": typed} if typed is not None else {}
        answer = admin.call("GET", "/internal/admin/licenses/lookup", **params)
        assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), typed


def test_an_administrator_reinstates_an_expired_license_by_its_code(company_id, licenses_service, events, db):
    admin = licenses_service.as_actor("admin")
    employee_id = uuid.uuid4()
    events.publish(registered(employee_id, "Jonas Kilabuk"))
    license_ = issued_codes(db, company_id)[0]
    make_eligible_directly(db, license_.id, employee_id, datetime.now(UTC) - timedelta(hours=1))
    early = reinstate(admin, as_typed(license_.code), in_days(30))
    assert (early.status_code, early.json()["error"]["code"]) == (409, "not_expired")
    expire_due_licenses(db, datetime.now(UTC), batch_size=100)

    for typed, status, code in (("not a code", 422, "malformed_code"), (None, 422, "malformed_code"),
                                (mistyped(license_.code), 422, "mistyped_code"),
                                (as_typed(generate_code()), 404, "unknown_code")):
        answer = reinstate(admin, typed, in_days(30))
        assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), typed
    for bad in ("next tuesday", in_days(-1), None):
        answer = reinstate(admin, as_typed(license_.code), bad)
        assert (answer.status_code, answer.json()["error"]["code"]) == (422, "invalid_deadline"), bad
    assert license_row(db, license_.id).status == LicenseStatus.EXPIRED

    deadline = datetime.now(UTC) + timedelta(days=14)
    answer = reinstate(admin, as_typed(license_.code), deadline.isoformat())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["code"], body["status"], body["company_id"], body["days_left"], body["expired_at"]) == (
        display(license_.code), "eligible", str(company_id), 14, None)
    assert body["employee"]["id"] == str(employee_id) and datetime.fromisoformat(body["redeem_by"]) == deadline
    assert license_row(db, license_.id).redeem_by == deadline
    assert [e["type"] for e in events_about(db, [license_.id])] == ["license.expired", "license.reinstated"]
    assert history_of(db, license_.id)[-1].cause == f"admin {admin.actor.user_id}"
    again = reinstate(admin, as_typed(license_.code), in_days(30))
    assert (again.status_code, again.json()["error"]["code"]) == (409, "not_expired")

    company = licenses_service.as_actor("company", company_id=company_id)
    assert reinstate(company, as_typed(license_.code), in_days(30)).status_code == 403
    assert company.call("GET", "/internal/admin/licenses/lookup", code=license_.code).status_code == 403


def test_a_license_is_not_reinstated_once_its_employee_linked_another_code(company_id, licenses_service, db):
    employee_id = uuid.uuid4()
    license_ = expired_license(db, company_id, employee_id)
    another = issued_codes(db, company_id)[0]
    assert licenses_service.as_actor("employee", user_id=employee_id).claim(another.code).status_code == 200
    answer = reinstate(licenses_service.as_actor("admin"), as_typed(license_.code), in_days(30))
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "employee_has_license")
    assert license_row(db, license_.id).status == LicenseStatus.EXPIRED
    assert events_about(db, [license_.id], "license.reinstated") == []


def test_the_id_based_reinstate_route_is_gone(company_id, licenses_service, db):
    license_ = issued_codes(db, company_id)[0]
    answer = licenses_service.as_actor("admin").call("POST", f"/internal/admin/licenses/{license_.id}/reinstate",
                                                     {"redeem_by": in_days(30)})
    assert answer.status_code in (404, 405)


def test_a_release_and_a_redemption_at_the_same_moment_leave_one_outcome(company_id, company, licenses_service, db):
    """Redemption takes no lock of the employee: the conditional UPDATEs decide, and the loser is told why."""
    codes = issued_codes(db, company_id, 10)
    holders = []
    for license_ in codes:
        employee_id = uuid.uuid4()
        make_eligible_directly(db, license_.id, employee_id, datetime.now(UTC) + timedelta(days=30))
        holders.append(licenses_service.as_actor("employee", user_id=employee_id))
    start = threading.Barrier(2 * len(codes))

    def release(license_) -> int:
        start.wait()
        return company.call("POST", f"/internal/licenses/{license_.id}/release").status_code

    def redeem(holder) -> int:
        start.wait()
        return holder.redeem().status_code

    with ThreadPoolExecutor(2 * len(codes)) as pool:
        releases = [pool.submit(release, license_) for license_ in codes]
        redemptions = [pool.submit(redeem, holder) for holder in holders]
        outcomes = [(r.result(), d.result()) for r, d in zip(releases, redemptions, strict=True)]
    for license_, (released, redeemed) in zip(codes, outcomes, strict=True):
        status = license_row(db, license_.id).status
        assert (released, redeemed, status) in ((200, 404, "available"), (409, 200, "redeemed")), outcomes
        kinds = [event["type"] for event in events_about(db, [license_.id])]
        assert kinds == (["license.released"] if status == "available" else ["license.redeemed"])
