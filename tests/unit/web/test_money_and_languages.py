"""Amounts as each language writes them; language names; PayPal's page locale."""
from decimal import Decimal

import pytest

from services.web.i18n import format_money, language_name, paypal_locale


@pytest.mark.parametrize(("amount", "language", "expected"), [
    ("50.00", "en", "50.00 CAD"), (Decimal("1250"), "en", "1,250.00 CAD"), ("350", "en", "350.00 CAD"),
    ("50.00", "fr", "50,00 CAD"), ("1250.5", "fr", "1\u202f250,50 CAD"),
])
def test_money_is_formatted_per_language(amount, language, expected):
    assert format_money(amount, "CAD", language) == expected


def test_no_amount_shows_nothing():
    assert format_money(None, "CAD", "en") == ""


def test_each_language_is_named_in_itself():
    assert language_name("en") == "English"
    assert language_name("fr") == "Français"


def test_paypal_pages_are_canadian_and_english_for_a_language_paypal_lacks():
    assert paypal_locale("fr") == "fr-CA"
    assert paypal_locale("en") == "en-CA"
    assert paypal_locale("iu") == "en-CA"
