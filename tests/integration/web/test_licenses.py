"""MANAGE LICENSES: codes page by page, tracking columns saved per row and kept, the CSV export."""
import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.web.support import Visitor, text_of, wait_for

ROW = re.compile(r'<tr id="license-([0-9a-f-]{36})"')


@pytest.fixture
def owner(app, paid_company) -> Iterator[Visitor]:
    account, _ = paid_company
    visitor = Visitor(app.test_client())
    visitor.login(account)
    yield visitor
    visitor.get("/language/en")  # the shared account keeps English for the next test


def row_html(html: str, license_id: str) -> str:
    row = html[html.index(f'<tr id="license-{license_id}"'):]
    return row[:row.index("</tr>")]


def first_license_id(visitor: Visitor) -> str:
    return ROW.search(visitor.get("/licenses").get_data(as_text=True)).group(1)


def test_the_table_shows_codes_with_their_columns_and_a_copy_button(owner, paid_company):
    response = owner.get("/licenses")
    page, html = text_of(response), response.get_data(as_text=True)
    for heading in ("Code", "Status", "Order number", "Assigned to (name)", "Assignment date"):
        assert f">{heading}</th>" in html
    assert len(ROW.findall(html)) == 5
    assert "Available" in page
    assert re.search(r"<code id=\"code-[^\"]+\">[0-9A-Z]{5}(-[0-9A-Z]{5}){3}</code>", html)
    assert 'data-copy="' in html and ">Copy</button>" in html
    assert 'form="track-' in html and 'aria-labelledby="col-assigned code-' in html


def test_tracking_is_saved_for_its_row_and_shown_after_reload(owner):
    license_id = first_license_id(owner)
    response = owner.submit(f"/licenses/{license_id}/tracking",
                            {"assigned_to_name": "  Élise Côté ", "assignment_date": "2026-03-05", "page": "1"},
                            form_page="/licenses")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/licenses?page=1#license-{license_id}"
    after_save = owner.get("/licenses")
    assert "Saved for code" in text_of(after_save)
    for page in (after_save, owner.get("/licenses")):  # and again after a reload
        row = row_html(page.get_data(as_text=True), license_id)
        assert 'value="Élise Côté"' in row and 'value="2026-03-05"' in row


def test_a_bad_date_is_shown_on_its_row_and_keeps_what_was_typed(owner):
    license_id = first_license_id(owner)
    response = owner.submit(f"/licenses/{license_id}/tracking",
                            {"assigned_to_name": "Bob Tremblay", "assignment_date": "1999-12-31", "page": "1"},
                            form_page="/licenses")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    row = row_html(html, license_id)
    assert 'class="row-error"' in row and "Enter a date between the year 2000 and next year." in row
    assert 'value="Bob Tremblay"' in row and 'value="1999-12-31"' in row
    assert f'href="#assignment_date-{license_id}"' in html
    saved = owner.get("/licenses").get_data(as_text=True)
    assert "Bob Tremblay" not in saved


def test_a_name_too_long_is_refused_on_its_row(owner):
    license_id = first_license_id(owner)
    response = owner.submit(f"/licenses/{license_id}/tracking", {"assigned_to_name": "x" * 201, "page": "1"},
                            form_page="/licenses")
    assert response.status_code == 422 and "Use at most 200 characters." in text_of(response)


def test_the_csv_export_has_every_code_with_headers_and_statuses_in_the_readers_language(owner):
    owner.get("/language/fr")
    response = owner.get("/licenses/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="licenses-')
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert table[0] == ["Code", "Statut", "Numéro de commande", "Assigné à Nom", "Date d'assignation",
                        "Date d'émission", "Employé", "Progression", "Date limite d'utilisation"]
    assert len(table) == 6
    assert {row[1] for row in table[1:]} == {"Disponible"}
    assert all(re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5}){3}", row[0]) for row in table[1:])


def test_the_french_table_uses_the_source_documents_column_names(owner):
    owner.get("/language/fr")
    html = owner.get("/licenses").get_data(as_text=True)
    assert ">Assigné à Nom</th>" in html and ">Date d'assignation</th>" in html
    assert "GESTION DES LICENCES" in html and "Exporter en CSV" in html


def test_a_page_past_the_end_is_empty_not_an_error(owner):
    response = owner.get("/licenses?page=9")
    assert response.status_code == 200 and ROW.findall(response.get_data(as_text=True)) == []


def test_pagination_links_appear_with_more_codes_than_a_page(services, paid_company, make_app):
    visitor = Visitor(make_app(licenses_per_page=2).test_client())
    visitor.login(paid_company[0])
    html = visitor.get("/licenses?page=2").get_data(as_text=True)
    assert len(ROW.findall(html)) == 2
    assert 'aria-current="page">2</span>' in html
    assert 'href="/licenses?page=1"' in html and 'href="/licenses?page=3"' in html
    assert "Next page" in html and "Previous page" in html


# Releasing a code: any linked code not yet redeemed, after a confirmation; the history keeps both employees.

@pytest.fixture
def company(services, make_app):
    from tests.integration.web.people import company_with_codes
    return company_with_codes(make_app(), services.url("PAYPAL_SANDBOX_PORT"))


def linked(app, company, code: str):
    from tests.integration.web.people import new_employee
    employee = new_employee(app)
    assert employee.claim(code).status_code == 303
    assert wait_for(lambda: employee.name in company.row(code))
    return employee


def ask_to_release(company, license_id: str):
    return company.visitor.submit(f"/licenses/{license_id}/release", {"page": "1"}, form_page="/licenses")


def confirm_release(company, license_id: str):
    return company.visitor.submit(f"/licenses/{license_id}/release", {"page": "1", "confirmed": "yes"},
                                  form_page="/licenses")


def test_a_claimed_code_is_released_after_confirmation_and_the_history_keeps_both_employees(app, company):
    """No refusal needed: the employee is not going to qualify soon, and the company gives the code to another."""
    code, license_id = next(iter(company.codes().items()))
    first = linked(app, company, code)
    assert "Release" in company.row(code)

    asked = ask_to_release(company, license_id)
    assert asked.status_code == 200
    page = text_of(asked)
    assert f"Release code {code}?" in page and "Yes, release this code" in page and "Cancel" in page
    assert f"It will no longer be linked to {first.name}, who will be told by e-mail" in page
    assert first.name in company.row(code)  # asking changed nothing

    assert confirm_release(company, license_id).status_code == 303
    assert f"Code {code} is available again" in text_of(company.visitor.get("/licenses"))
    assert "Available" in company.row(code) and first.name not in company.row(code)
    first.home()  # the page that shows the flash of the claim
    home = first.home()
    assert code not in home and "You can hold one license code at a time" in home

    second = linked(app, company, code)
    history = text_of(company.visitor.get(f"/licenses/{license_id}/history"))
    assert first.name in history and second.name in history and "Your company" in history


def test_an_eligible_code_is_released_after_a_confirmation_that_names_its_deadline(app, company, licenses_runtime):
    from tests.integration.licenses.support import license_row, make_eligible_directly
    db = licenses_runtime.db
    code, license_id = next(iter(company.codes().items()))
    employee = linked(app, company, code)
    make_eligible_directly(db, license_id, license_row(db, license_id).employee_id,
                           datetime.now(UTC) + timedelta(days=45))
    assert "Release" in company.row(code)
    page = text_of(ask_to_release(company, license_id))
    assert "WSCC approved this employee: they could use this code until" in page and employee.name in page
    assert confirm_release(company, license_id).status_code == 303
    assert "Available" in company.row(code)
    assert license_row(db, license_id).redeem_by is None


def test_a_redeemed_code_cannot_be_released_and_the_company_is_told_why(app, company, licenses_runtime):
    from tests.integration.licenses.support import license_row, make_eligible_directly
    db = licenses_runtime.db
    code, license_id = next(iter(company.codes().items()))
    employee = linked(app, company, code)
    make_eligible_directly(db, license_id, license_row(db, license_id).employee_id,
                           datetime.now(UTC) + timedelta(days=45))
    assert employee.submit("/employee/license/use", form_page="/employee").status_code == 303
    assert license_row(db, license_id).status == "redeemed"
    assert "Release" not in company.row(code)
    for release in (ask_to_release, confirm_release):  # asked, or a confirmation sent from an old page
        assert release(company, license_id).status_code == 303
        assert "This code cannot be released: its employee has already used it (redeemed)." in text_of(
            company.visitor.get("/licenses"))
    assert employee.name in company.row(code) and license_row(db, license_id).status == "redeemed"
