"""Linking the license code from the employer: accepted in any case with spaces or dashes; each refusal explained
on the form, in the employee's language; the company then sees who holds its code."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.licenses.codes import ALPHABET
from tests.integration.web.people import company_with_codes, new_employee
from tests.integration.web.support import text_of


@pytest.fixture(scope="module")
def codes(services, make_app):
    """Five codes of one company, shared by this module's tests (each test claims its own)."""
    company = company_with_codes(make_app(), services.url("PAYPAL_SANDBOX_PORT"))
    return company, list(company.codes())


@pytest.fixture(scope="module")
def more_codes(services, make_app):
    """Five more codes of another company, for the tests of a camp behind one address and of redeeming."""
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


def test_the_page_explains_the_one_code_rule_before_the_employee_types(app):
    english = new_employee(app).home()
    assert "You can hold one license code at a time" in english and "until you finish the certification" in english
    french = new_employee(app, language="fr").home()
    assert "Vous ne pouvez détenir qu'un code de licence à la fois" in french


def test_a_second_license_is_refused_naming_the_one_held(app, codes):
    employee = new_employee(app)
    assert employee.claim(codes[1][3]).status_code == 303
    message = claim_error(employee.claim(codes[1][4]))
    assert f"You already hold license {codes[1][3]} until you finish the certification it is for." in message


def test_after_redeeming_a_second_code_is_refused_in_the_employees_language(app, more_codes, licenses_runtime):
    """The defect: a redeemed license did not count, so a second code could be linked and never taken back."""
    from tests.integration.licenses.support import license_row, make_eligible_directly
    company, all_codes = more_codes
    first, second = (all_codes[3], company.codes()[all_codes[3]]), (all_codes[4], company.codes()[all_codes[4]])
    employee = new_employee(app, language="fr")
    assert employee.claim(first[0]).status_code == 303
    db = licenses_runtime.db
    make_eligible_directly(db, first[1], license_row(db, first[1]).employee_id, datetime.now(UTC) + timedelta(days=30))
    assert employee.submit("/employee/license/use", form_page="/employee").status_code == 303
    message = claim_error(employee.claim(second[0]))
    assert (f"Vous détenez déjà la licence {first[0]} pour la certification Chef de quart – Souterrain, jusqu'à "
            "ce que vous l'ayez terminée.") in message
    assert "Available" in company.row(second[0]) and "Redeemed" in company.row(first[0])


def test_twenty_employees_behind_one_address_trying_a_taken_code_all_hear_already_linked(services, more_codes,
                                                                                       make_app):
    """A mine camp shares one address: the code's truth is told to each, not "too many attempts"."""
    camp = make_app(login_rate_limit_per_address="1000 per minute")
    taken = more_codes[1][0]
    assert new_employee(camp).claim(taken).status_code == 303
    for _ in range(20):
        assert "already linked to another employee" in claim_error(new_employee(camp).claim(taken))


def test_an_empty_code_asks_for_one(app):
    assert "Enter the code your employer gave you." in claim_error(new_employee(app).claim(""))


def test_the_messages_follow_the_employees_language(app):
    employee = new_employee(app, language="fr")
    assert "Ce n'est pas un code de licence" in claim_error(employee.claim("hello"))


def test_typos_never_lock_anyone_out_at_the_front_door(services, more_codes, make_app):
    employee = new_employee(make_app(code_claim_rate_limit_per_account="3 per minute"))
    code = more_codes[1][1]
    for _ in range(6):
        assert "One character of this code seems mistyped" in claim_error(employee.claim(mistyped(code)))
    assert "This is not a license code" in claim_error(employee.claim("hello"))
    assert employee.claim(code).status_code == 303


def test_guessing_is_throttled_by_the_front_door_with_the_wait_shown(services, make_app):
    from services.licenses.codes import generate_code
    employee = new_employee(make_app(code_claim_rate_limit_per_account="3 per minute"))
    statuses = [employee.claim(generate_code()).status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    response = employee.claim(generate_code())
    assert response.status_code == 429 and 'id="code-error"' in response.get_data(as_text=True)
    assert "Please wait 1 minute before trying again." in text_of(response)


def test_the_licenses_service_stops_a_guesser_and_says_how_long_in_their_language(services, more_codes, make_app):
    from services.licenses.codes import generate_code
    employee = new_employee(make_app(code_claim_rate_limit_per_account="100 per minute"), language="fr")
    for _ in range(10):
        assert "Aucune licence ne porte ce code" in claim_error(employee.claim(generate_code()))
    response = employee.claim(more_codes[1][2])
    assert response.status_code == 429
    assert "Veuillez patienter 15 minutes avant de réessayer." in text_of(response)
