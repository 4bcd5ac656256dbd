"""An employee enters the code from their employer: every answer of POST /internal/licenses/claim."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from services.licenses.codes import ALPHABET, display, generate_code
from services.licenses.models import License, LicenseStatus
from services.licenses.sweeps import expire_due_licenses
from tests.integration.licenses.support import (an_address, events_about, history_of, issued_codes, license_row,
                                                make_eligible_directly)


def mistype(code: str, position: int = 3) -> str:
    wrong = ALPHABET[(ALPHABET.index(code[position]) + 1) % len(ALPHABET)]
    return code[:position] + wrong + code[position + 1:]


def test_a_code_typed_in_lower_case_with_spaces_links_the_license_to_the_employee(company_id, employee, db):
    license_ = issued_codes(db, company_id)[0]
    typed = " ".join(display(license_.code).lower().split("-"))
    answer = employee.claim(typed, an_address())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "claimed" and body["code"] == display(license_.code)
    assert body["company_id"] == str(company_id) and body["claimed_at"] and body["redeem_by"] is None
    row = license_row(db, license_.id)
    assert (row.status, str(row.employee_id)) == (LicenseStatus.CLAIMED, employee.actor.user_id)
    assert [(h.from_status, h.to_status, h.cause) for h in history_of(db, license_.id)][-1] == (
        "available", "claimed", f"employee {employee.actor.user_id}")
    assert [e["type"] for e in events_about(db, [license_.id])] == ["license.claimed"]
    assert employee.call("GET", "/internal/licenses/mine").json()["license"]["id"] == str(license_.id)


def test_a_mistyped_character_is_reported_as_a_typo_and_changes_nothing(company_id, employee, db):
    license_ = issued_codes(db, company_id)[0]
    answer = employee.claim(mistype(license_.code), an_address())
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "mistyped_code"
    assert license_row(db, license_.id).status == LicenseStatus.AVAILABLE
    assert len(history_of(db, license_.id)) == 1 and events_about(db, [license_.id]) == []
    assert employee.call("GET", "/internal/licenses/mine").json()["license"] is None


def test_malformed_and_unknown_codes_are_told_apart(employee):
    for typed in ("", "ABC", "!" * 20, "0" * 25):
        answer = employee.claim(typed, an_address())
        assert (answer.status_code, answer.json()["error"]["code"]) == (422, "malformed_code"), typed
    answer = employee.call("POST", "/internal/licenses/claim", {"code": 12345})
    assert (answer.status_code, answer.json()["error"]["code"]) == (422, "malformed_code")
    answer = employee.claim(generate_code(), an_address())
    assert (answer.status_code, answer.json()["error"]["code"]) == (404, "unknown_code")


def test_someone_elses_code_is_refused_and_ones_own_again_is_fine(company_id, licenses_service, employee, db):
    license_ = issued_codes(db, company_id)[0]
    assert employee.claim(license_.code).status_code == 200
    again = employee.claim(display(license_.code))
    assert again.status_code == 200 and again.json()["status"] == "claimed"
    other = licenses_service.as_actor("employee").claim(license_.code, an_address())
    assert (other.status_code, other.json()["error"]["code"]) == (409, "claimed_by_someone_else")
    assert str(license_row(db, license_.id).employee_id) == employee.actor.user_id
    assert [e["type"] for e in events_about(db, [license_.id])] == ["license.claimed"]


def test_an_employee_holding_a_license_cannot_claim_a_second_and_is_told_which(company_id, employee, db):
    first, second = issued_codes(db, company_id)[:2]
    assert employee.claim(first.code).status_code == 200
    answer = employee.claim(second.code)
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "employee_has_license")
    assert answer.json()["error"]["fields"] == {"code": display(first.code), "status": "claimed",
                                                "certification": None}
    assert license_row(db, second.id).status == LicenseStatus.AVAILABLE


def test_a_redeemed_license_is_held_until_its_employee_finishes(company_id, licenses_service, db):
    """The defect: after redeeming, an employee could link a second code that the company could not take back."""
    first, second = issued_codes(db, company_id)[:2]
    employee_id = uuid.uuid4()
    make_eligible_directly(db, first.id, employee_id, datetime.now(UTC) + timedelta(days=30))
    employee = licenses_service.as_actor("employee", user_id=employee_id)
    assert employee.redeem().json()["status"] == "redeemed"
    answer = employee.claim(second.code, an_address())
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "employee_has_license")
    fields = answer.json()["error"]["fields"]
    assert (fields["code"], fields["status"], fields["certification"]["name_en"]) == (
        display(first.code), "redeemed", "Shift Boss – Underground")
    assert license_row(db, second.id).status == LicenseStatus.AVAILABLE and events_about(db, [second.id]) == []
    # Once finished (the courses service will say so; set here directly), the employee may link another code.
    with db.unit_of_work() as session:
        session.execute(update(License).where(License.id == first.id).values(status=LicenseStatus.FINISHED))
    assert employee.claim(second.code, an_address()).json()["status"] == "claimed"


def test_an_expired_code_cannot_be_claimed(company_id, licenses_service, db):
    license_ = issued_codes(db, company_id)[0]
    deadline = datetime.now(UTC) - timedelta(days=1)
    make_eligible_directly(db, license_.id, uuid.uuid4(), deadline)
    expire_due_licenses(db, datetime.now(UTC), batch_size=100)
    assert license_row(db, license_.id).status == LicenseStatus.EXPIRED
    answer = licenses_service.as_actor("employee").claim(license_.code)
    assert (answer.status_code, answer.json()["error"]["code"]) == (409, "code_expired")


def test_only_an_employee_may_claim(company, company_id, db):
    license_ = issued_codes(db, company_id)[0]
    assert company.claim(license_.code).status_code == 403
