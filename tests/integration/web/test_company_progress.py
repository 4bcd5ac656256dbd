"""MANAGE LICENSES follows each linked employee in words; after a refusal the company releases the code (after a
confirmation) and another employee links it. The company never sees an employee's documents or e-mail."""
from __future__ import annotations

import pytest

from tests.integration.web.people import company_with_codes, new_employee, reviewer_made_by_an_administrator
from tests.integration.web.support import text_of, wait_for


@pytest.fixture
def company(app, sandbox_url):
    return company_with_codes(app, sandbox_url)


def decide(reviewer, application_id: str, act: str, **data: str):
    page = f"/review/applications/{application_id}"
    assert reviewer.submit(f"{page}/{act}", data, form_page=page).status_code == 303


def test_progress_in_words_then_release_after_a_refusal_and_another_employee_claims(app, company):
    code, license_id = next(iter(company.codes().items()))
    first = new_employee(app)
    first.claim(code)
    assert wait_for(lambda: "Code linked" in company.row(code))
    first.complete_course()
    assert wait_for(lambda: "Introduction course done" in company.row(code))
    application_id = first.apply("shift_boss_underground")
    first.upload_everything(application_id)
    first.submit_application(application_id)
    assert wait_for(lambda: "Application submitted" in company.row(code))
    reviewer = reviewer_made_by_an_administrator(app)
    decide(reviewer, application_id, "start")
    assert wait_for(lambda: "Under review" in company.row(code))
    decide(reviewer, application_id, "request-documents", message="Please add a clearer scan.")
    assert wait_for(lambda: "More documents requested" in company.row(code))
    assert "Release" in company.row(code)  # the employee may not qualify soon: releasable before a refusal too
    decide(reviewer, application_id, "refuse", reason="Experience too short.")
    assert wait_for(lambda: "Refused" in company.row(code) and "Release" in company.row(code))

    table = company.visitor.get("/licenses").get_data(as_text=True)
    assert first.account.email not in table and "/documents/" not in table and "Experience too short." not in table

    history = text_of(company.visitor.get(f"/licenses/{license_id}/history"))
    assert "Linked to an employee" in history and first.name in history and "The employee" in history

    asked = company.visitor.submit(f"/licenses/{license_id}/release", {"page": "1"}, form_page="/licenses")
    assert asked.status_code == 200
    confirmation = text_of(asked)
    assert f"Release code {code}?" in confirmation and "Yes, release this code" in confirmation
    assert "Refused" in company.row(code)  # asking changed nothing
    released = company.visitor.submit(f"/licenses/{license_id}/release", {"page": "1", "confirmed": "yes"},
                                      form_page="/licenses")
    assert released.status_code == 303
    assert f"Code {code} is available again" in text_of(company.visitor.get("/licenses"))
    assert "Available" in company.row(code) and first.name not in company.row(code)
    assert "Your company" in text_of(company.visitor.get(f"/licenses/{license_id}/history"))

    second = new_employee(app)
    assert second.claim(code).status_code == 303
    assert wait_for(lambda: second.name in company.row(code))


def test_a_code_linked_to_no_one_cannot_be_released(app, company):
    code, license_id = next(iter(company.codes().items()))
    response = company.visitor.submit(f"/licenses/{license_id}/release", {"page": "1", "confirmed": "yes"},
                                      form_page="/licenses")
    assert response.status_code == 303
    assert "This code cannot be released: it is not linked to an employee." in text_of(company.visitor.get("/licenses"))
    assert "Available" in company.row(code)


def test_the_french_table_shows_progress_in_french(app, company):
    code = next(iter(company.codes()))
    new_employee(app).claim(code)
    company.visitor.get("/language/fr")
    try:
        assert wait_for(lambda: "Code lié" in company.row(code))
        html = company.visitor.get("/licenses").get_data(as_text=True)
        assert ">Employé</th>" in html and ">Progression</th>" in html
    finally:
        company.visitor.get("/language/en")
