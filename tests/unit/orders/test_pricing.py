from decimal import Decimal

import pytest

from services.orders.pricing import InvalidQuantity, order_total, parse_quantity


@pytest.mark.parametrize(("raw", "code"), [
    (None, "required"), (4, "too_few"), (0, "too_few"), (-5, "too_few"), (101, "too_many"),
    (7.5, "not_whole_number"), (7.0, "not_whole_number"), ("7", "not_whole_number"), ("abc", "not_whole_number"),
    ("7.5", "not_whole_number"), (True, "not_whole_number"), (False, "not_whole_number"), ([7], "not_whole_number"),
])
def test_a_quantity_that_is_not_a_whole_number_from_5_to_100_is_refused_with_its_reason(raw, code):
    with pytest.raises(InvalidQuantity) as refused:
        parse_quantity(raw, 5, 100)
    assert refused.value.code == code


@pytest.mark.parametrize("quantity", [5, 7, 100])
def test_whole_numbers_from_5_to_100_are_accepted(quantity):
    assert parse_quantity(quantity, 5, 100) == quantity


def test_the_total_is_quantity_times_price_in_cents():
    assert order_total(7, Decimal("50.00")) == Decimal("350.00")
    assert order_total(100, Decimal("50.00")) == Decimal("5000.00")
    assert order_total(3, Decimal("33.335")) == Decimal("100.01")
    assert str(order_total(5, Decimal("50"))) == "250.00"
