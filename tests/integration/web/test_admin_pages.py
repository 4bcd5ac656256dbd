"""The administrator's pages: staff accounts, certifications and their required documents in both languages,
reinstating an expired license found by its code. Nobody else reaches them."""
from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from babel.dates import format_date

from common.timezones import end_of_local_day
from tests.integration.web.people import admin_visitor, company_with_codes, new_employee
from tests.integration.web.support import text_of, wait_for

CERTIFICATION = "supervisor_1_exploration"


@pytest.fixture
def admin(app):
    return admin_visitor(app)


def certification_form(admin) -> dict:
    """Every field of the certification's form as the page fills it."""
    html = admin.get(f"/admin/certifications/{CERTIFICATION}").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    fields |= dict(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\s*([^<]*)</textarea>', html))
    fields.pop("csrf_token", None)
    return {name: value.replace("&#39;", "'").replace("&amp;", "&") for name, value in fields.items()}


def test_the_staff_page_lists_staff_and_refuses_an_address_in_use(admin, company):
    page = text_of(admin.get("/admin/staff"))
    assert "WSCC reviewers and administrators" in page and "Create a staff account" in page
    taken = admin.submit("/admin/staff", {"name": "X", "email": company.email.upper(), "role": "reviewer",
                                          "language": "en", "password": "temporary password 3"})
    assert taken.status_code == 422 and "An account already uses this e-mail address" in text_of(taken)
    weak = admin.submit("/admin/staff", {"name": "X", "email": f"x-{uuid.uuid4().hex[:6]}@wsc.example",
                                         "role": "admin", "language": "en", "password": "short"})
    assert weak.status_code == 422 and "Use at least 12 characters." in text_of(weak)
    assert company.email not in text_of(admin.get("/admin/staff"))


def test_an_administrator_edits_a_certifications_names_and_required_documents(admin, app):
    original = certification_form(admin)
    assert original["name_fr"] and original["requirements-0-code"]
    blank_row = max(int(key.split("-")[1]) for key in original if key.startswith("requirements-"))
    changed = original | {"name_en": original["name_en"] + " (edited)",
                          f"requirements-{blank_row}-code": "mine_rescue",
                          f"requirements-{blank_row}-name_en": "Mine rescue certificate",
                          f"requirements-{blank_row}-name_fr": "Certificat de sauvetage minier"}
    try:
        assert admin.submit(f"/admin/certifications/{CERTIFICATION}", changed).status_code == 303
        listing = text_of(admin.get("/admin/certifications"))
        assert "(edited)" in listing and "Mine rescue certificate" in listing
        from tests.integration.web.people import new_employee
        employee = new_employee(app, language="fr")
        employee.complete_course()  # the form listing the documents shows once the course is done
        assert "Certificat de sauvetage minier" in text_of(employee.get("/employee/applications"))
    finally:
        restored = {key: value for key, value in original.items()}
        assert admin.submit(f"/admin/certifications/{CERTIFICATION}", restored).status_code == 303
    assert "(edited)" not in text_of(admin.get("/admin/certifications"))


def test_a_requirement_row_needs_a_code_and_both_names(admin):
    original = certification_form(admin)
    blank_row = max(int(key.split("-")[1]) for key in original if key.startswith("requirements-"))
    response = admin.submit(f"/admin/certifications/{CERTIFICATION}",
                            original | {f"requirements-{blank_row}-name_en": "Half a row"})
    assert response.status_code == 422
    assert "Required for a document." in text_of(response)
    assert "Half a row" not in text_of(admin.get("/admin/certifications"))


def test_an_unknown_certification_is_not_found(admin):
    assert admin.get("/admin/certifications/no_such_thing").status_code == 404


def expired_license_of(licenses_db, app, company) -> tuple[str, str]:
    """A code of ``company`` linked by an employee whose deadline passed: (code, employee's name).

    The licenses service's own set-up functions make it eligible with a deadline an hour ago, and its sweep expires
    it, as the scheduler would."""
    from services.licenses.sweeps import expire_due_licenses
    from tests.integration.licenses.support import license_row, make_eligible_directly
    employee = new_employee(app)
    code, license_id = next(iter(company.codes().items()))
    assert employee.claim(code).status_code == 303
    make_eligible_directly(licenses_db, license_id, license_row(licenses_db, license_id).employee_id,
                           datetime.now(UTC) - timedelta(hours=1))
    expire_due_licenses(licenses_db, datetime.now(UTC), batch_size=1000)
    return code, employee.name


def as_typed(code: str) -> str:
    return code.lower().replace("-", " ")


def reinstate_page(admin, code: str, redeem_by: str | None = None):
    """The reinstate form submitted with "Reinstate the license", or with "Look up the license" without a date."""
    data = {"code": code, "redeem_by": redeem_by} if redeem_by is not None else {"code": code, "lookup": "yes"}
    return admin.submit("/admin/licenses/reinstate", data)


def test_an_administrator_looks_a_code_up_then_reinstates_it_with_a_new_deadline(admin, app, sandbox_url,
                                                                                  licenses_runtime):
    company = company_with_codes(app, sandbox_url)
    code, employee_name = expired_license_of(licenses_runtime.db, app, company)
    page = text_of(admin.get("/admin/licenses/reinstate"))
    assert "License code" in page and "New deadline" in page and "Look up the license" in page

    assert wait_for(lambda: employee_name in text_of(reinstate_page(admin, as_typed(code))))
    found = reinstate_page(admin, as_typed(code))
    assert found.status_code == 200
    shown = text_of(found)
    assert "The license with this code" in shown and code in shown and company.account.legal_name in shown
    assert 'data-status="expired"' in found.get_data(as_text=True) and "Expired on" in shown

    deadline = date.today() + timedelta(days=60)
    reinstated = reinstate_page(admin, as_typed(code), deadline.isoformat())
    assert reinstated.status_code == 200, text_of(reinstated)
    shown = text_of(reinstated)
    assert f"License {code} is reinstated: it can be used until {format_date(deadline, 'medium', locale='en')}" \
        in shown
    assert "The license now" in shown and employee_name in shown and company.account.legal_name in shown
    assert 'data-status="eligible"' in reinstated.get_data(as_text=True) and "days left" in shown
    end_of_day = end_of_local_day(deadline, "America/Yellowknife")
    from tests.integration.licenses.support import license_row
    assert license_row(licenses_runtime.db, company.codes()[code]).redeem_by == end_of_day
    assert "Employee approved" in company.row(code) and "Expired" not in company.row(code)

    again = reinstate_page(admin, code, deadline.isoformat())
    assert again.status_code == 422
    assert "This license is not expired: only an expired license can be reinstated." in text_of(again)
    assert "The license with this code" in text_of(again)


def test_reinstating_explains_each_refusal_in_the_administrators_language(admin, app, sandbox_url):
    from services.licenses.codes import ALPHABET, generate_code
    company = company_with_codes(app, sandbox_url)
    available = next(iter(company.codes()))
    wrong = next(symbol for symbol in ALPHABET if symbol != available[1])
    in_a_month = (date.today() + timedelta(days=30)).isoformat()
    for typed, redeem_by, message in (
            (available, in_a_month, "This license is not expired: only an expired license can be reinstated."),
            ("HELLO", in_a_month, "This is not a license code."),
            (available[0] + wrong + available[2:], in_a_month, "One character of this code seems mistyped."),
            (generate_code(), in_a_month, "No license has this code."),
            (available, "2020-01-31", "Choose a new deadline in the future."),
            (available, "31/01/2030", "Enter the date as YYYY-MM-DD"),
            ("", in_a_month, "Enter the license code."),
            (available, "", "Enter the new deadline as YYYY-MM-DD.")):
        answer = reinstate_page(admin, as_typed(typed), redeem_by)
        assert answer.status_code == 422 and message in text_of(answer), (typed, redeem_by)
    looked_up = text_of(reinstate_page(admin, as_typed(available)))
    assert "Available" in looked_up and "Only an expired license can be reinstated." in looked_up
    assert "No license has this code." in text_of(reinstate_page(admin, generate_code()))

    admin.get("/language/fr")
    french = text_of(reinstate_page(admin, generate_code(), in_a_month))
    assert "Aucune licence ne porte ce code." in french and "Code de licence" in french
    french = text_of(reinstate_page(admin, as_typed(available), in_a_month))
    assert "Cette licence n'est pas expirée" in french and "Disponible" in french


def test_nobody_but_an_administrator_reaches_these_pages(app, visitor, company):
    from tests.integration.web.people import new_employee
    employee = new_employee(app)
    for path in ("/admin/staff", "/admin/certifications", f"/admin/certifications/{CERTIFICATION}",
                 "/admin/licenses/reinstate"):
        assert visitor.get(path).status_code == 403
        assert employee.get(path).status_code == 403
