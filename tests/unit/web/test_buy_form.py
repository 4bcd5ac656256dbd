"""The BUY LICENSES quantity: a whole number from 5 to 100, anything else refused with a clear message."""
import pytest

from services.web.purchase.forms import BuyForm, quantity_problem
from tests.unit.web.conftest import form_context

TERMS = {"license_price": "50.00", "currency": "CAD", "min_quantity": 5, "max_quantity": 100}


@pytest.mark.parametrize(("typed", "problem"), [
    ("4", "too_few"), ("0", "too_few"), ("-5", "too_few"), ("101", "too_many"), ("7.5", "not_whole_number"),
    ("abc", "not_whole_number"), ("1e2", "not_whole_number"), ("１０", "not_whole_number"), ("", "required"),
    ("   ", "required"), (None, "required"),
])
def test_a_bad_quantity_is_named_with_the_orders_service_code(typed, problem):
    assert quantity_problem(typed, 5, 100) == problem


@pytest.mark.parametrize("typed", ["5", "100", " 42 ", "+7", "007"])
def test_whole_numbers_from_5_to_100_are_accepted(typed):
    assert quantity_problem(typed, 5, 100) is None


@pytest.mark.parametrize(("typed", "english", "french"), [
    ("4", "Buy at least 5 licenses per purchase.", "Procurez-vous au moins 5 licences par achat."),
    ("101", "Buy at most 100 licenses per purchase", "Procurez-vous au plus 100 licences par achat"),
    ("7.5", "Enter a whole number of licenses", "Inscrivez un nombre entier de licences"),
    ("abc", "Enter a whole number of licenses", "Inscrivez un nombre entier de licences"),
    ("", "Enter how many licenses you want to buy.", "Inscrivez le nombre de licences"),
])
def test_the_form_explains_the_problem_in_the_readers_language(app, typed, english, french):
    for language, expected in (("en", english), ("fr", french)):
        with form_context(app, {"quantity": typed}, language):
            form = BuyForm(TERMS)
            assert not form.validate()
            assert expected in form.quantity.errors[0]


def test_a_good_quantity_passes_as_a_whole_number(app):
    with form_context(app, {"quantity": " 12 "}):
        form = BuyForm(TERMS)
        assert form.validate(), form.errors
        assert form.whole_quantity == 12
