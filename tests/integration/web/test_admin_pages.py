"""The administrator's pages: staff accounts, certifications and their required documents in both languages,
reinstating an expired license. Nobody else reaches them."""
from __future__ import annotations

import re
import uuid

import pytest

from tests.integration.web.people import admin_visitor, company_with_codes
from tests.integration.web.support import text_of

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


def test_reinstating_explains_what_cannot_be_reinstated(admin, app, sandbox_url):
    company = company_with_codes(app, sandbox_url)
    license_id = next(iter(company.codes().values()))
    not_expired = admin.submit("/admin/licenses/reinstate", {"license_id": license_id, "redeem_by": "2030-01-31"})
    assert not_expired.status_code == 422 and "This license is not expired" in text_of(not_expired)
    unknown = admin.submit("/admin/licenses/reinstate", {"license_id": str(uuid.uuid4()), "redeem_by": "2030-01-31"})
    assert unknown.status_code == 422 and "No license has this id." in text_of(unknown)
    bad_date = admin.submit("/admin/licenses/reinstate", {"license_id": license_id, "redeem_by": "31/01/2030"})
    assert bad_date.status_code == 422 and "Enter the date as YYYY-MM-DD" in text_of(bad_date)


def test_nobody_but_an_administrator_reaches_these_pages(app, visitor, company):
    from tests.integration.web.people import new_employee
    employee = new_employee(app)
    for path in ("/admin/staff", "/admin/certifications", f"/admin/certifications/{CERTIFICATION}",
                 "/admin/licenses/reinstate"):
        assert visitor.get(path).status_code == 403
        assert employee.get(path).status_code == 403
