"""Linking the license code from the employer: accepted in any case with spaces or dashes; each refusal explained
on the form, in the employee's language; the company then sees who holds its code."""
from __future__ import annotations

import pytest

from services.licenses.codes import ALPHABET
from tests.integration.web.people import company_with_codes, new_employee
from tests.integration.web.support import text_of


@pytest.fixture(scope="module")
def codes(services):
    """Five codes of one company, shared by this module's tests (each test claims its own)."""
    from tests.integration.web.conftest import make_app
    company = company_with_codes(make_app(), services.url("PAYPAL_SANDBOX_PORT"))
    return company, list(company.codes())


def mistyped(code: str) -> str:
    """The same code with one character changed: the check character catches it."""
    position = 3
    replacement = next(symbol for symbol in ALPHABET if symbol != code[position])
    return code[:position] + replacement + code[position + 1:]


def claim_error(response) -> str:
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="code-error"' in html and 'aria-describedby="code-hint code-error"' in html
    return text_of(response)


def test_a_code_typed_in_lower_case_with_spaces_links_and_the_company_sees_the_employee(app, codes):
    company, all_codes = codes
    code = all_codes[0]
    employee = new_employee(app)
    response = employee.claim("  " + code.lower().replace("-", " ") + " ")
    assert response.status_code == 303
    home = employee.home()
    assert f"Your license code: {code}" in home and "Link your employer's code Done" in home
    row = company.row(code)
    assert employee.name in row and "Code linked" in row
    assert employee.account.email not in company.visitor.get("/licenses").get_data(as_text=True)


def test_a_mistyped_character_is_reported_as_a_typo(app, codes):
    employee = new_employee(app)
    assert "One character of this code seems mistyped" in claim_error(employee.claim(mistyped(codes[1][1])))


def test_something_that_is_not_a_code_is_malformed(app):
    assert "This is not a license code" in claim_error(new_employee(app).claim("hello"))


def test_an_unknown_code_is_reported(app):
    from services.licenses.codes import generate_code
    assert "No license has this code" in claim_error(new_employee(app).claim(generate_code()))


def test_someone_elses_code_is_refused(app, codes):
    code = codes[1][2]
    assert new_employee(app).claim(code).status_code == 303
    assert "already linked to another employee" in claim_error(new_employee(app).claim(code))


def test_a_second_license_is_refused(app, codes):
    employee = new_employee(app)
    assert employee.claim(codes[1][3]).status_code == 303
    assert "You already hold a license" in claim_error(employee.claim(codes[1][4]))


def test_an_empty_code_asks_for_one(app):
    assert "Enter the code your employer gave you." in claim_error(new_employee(app).claim(""))


def test_the_messages_follow_the_employees_language(app):
    employee = new_employee(app, language="fr")
    assert "Ce n'est pas un code de licence" in claim_error(employee.claim("hello"))


def test_guessing_is_throttled_by_the_front_door(services):
    from tests.integration.web.conftest import make_app
    employee = new_employee(make_app(code_claim_rate_limit_per_account="3 per minute"))
    statuses = [employee.claim("hello").status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    assert "Too many attempts" in text_of(employee.claim("hello"))
