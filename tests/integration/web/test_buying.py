"""BUY LICENSES → BUY → the order summary; bad quantities refused with a clear message and nothing ordered."""
import pytest

from services.web.clients import OrdersApi
from tests.integration.web.support import text_of


def orders_of(app, visitor) -> list[dict]:
    """What the orders service holds for the signed-in company (asked as the front door asks)."""
    with app.test_request_context():
        from flask_login import login_user
        login_user(visitor.web_db.signed_in_user(visitor))
        return OrdersApi().list()


@pytest.mark.parametrize(("typed", "message"), [
    ("4", "Buy at least 5 licenses per purchase."),
    ("101", "Buy at most 100 licenses per purchase; make another purchase for more."),
    ("0", "Buy at least 5 licenses per purchase."),
    ("-5", "Buy at least 5 licenses per purchase."),
    ("7.5", "Enter a whole number of licenses, for example 10."),
    ("abc", "Enter a whole number of licenses, for example 10."),
    ("", "Enter how many licenses you want to buy."),
])
def test_a_bad_quantity_is_explained_and_orders_nothing(app, visitor, company, typed, message):
    response = visitor.submit("/orders/new", {"quantity": typed})
    assert response.status_code == 422
    assert message in text_of(response)
    assert 'aria-describedby="quantity-error"' in response.get_data(as_text=True)
    assert orders_of(app, visitor) == []


def test_buy_shows_the_order_summary_with_the_services_total(app, visitor, company):
    page = text_of(visitor.get("/orders/new"))
    assert "BUY LICENSES" in page and "Number of licenses" in page and "50.00 CAD" in page
    order_id = visitor.place_order(7)
    summary = text_of(visitor.get(f"/orders/{order_id}"))
    assert "Price per license 50.00 CAD" in summary
    assert "Quantity 7" in summary and "Total 350.00 CAD" in summary
    assert "You can pay by credit card, debit card or PayPal." in summary
    assert "CLICK HERE TO GO TO PAYPAL" in summary
    [order] = orders_of(app, visitor)
    assert (order["id"], order["quantity"], order["total"], order["status"]) == (order_id, 7, "350.00",
                                                                                  "awaiting_payment")


def test_the_dashboard_lists_an_unpaid_order_with_pay_and_drop(visitor, company):
    order_id = visitor.place_order(5)
    dashboard = visitor.get("/dashboard")
    page, html = text_of(dashboard), dashboard.get_data(as_text=True)
    assert "Awaiting payment" in page and "250.00 CAD" in page
    assert f'href="/orders/{order_id}"' in html and f'action="/orders/{order_id}/drop"' in html
    assert "Pay" in page and "Drop" in page


def test_dropping_an_unpaid_order(app, visitor, company):
    order_id = visitor.place_order(5)
    response = visitor.submit(f"/orders/{order_id}/drop", form_page=f"/orders/{order_id}")
    assert response.status_code == 303 and response.headers["Location"] == "/dashboard"
    assert "was dropped. Nothing was charged." in text_of(visitor.get("/dashboard"))
    assert orders_of(app, visitor)[0]["status"] == "dropped"
    assert "CLICK HERE TO GO TO PAYPAL" not in text_of(visitor.get(f"/orders/{order_id}"))


def test_the_summary_in_french_uses_the_source_documents_words(visitor, company):
    visitor.get("/language/fr")
    order_id = visitor.place_order(20)
    summary = text_of(visitor.get(f"/orders/{order_id}"))
    assert "CLIQUER ICI POUR ACCÉDER AU SITE DE PAYPAL" in summary
    assert "1\u202f000,00 CAD" in visitor.get(f"/orders/{order_id}").get_data(as_text=True)
    assert "ACHETER" in text_of(visitor.get("/orders/new"))


def test_the_bounds_and_price_shown_are_the_orders_services(services, monkeypatch, make_app):
    """The front door has no quantity setting of its own: the old names change nothing it shows or accepts."""
    from tests.integration.web.support import Visitor
    monkeypatch.setenv("WSCC_QUANTITY_MIN", "7")
    monkeypatch.setenv("WSCC_QUANTITY_MAX", "70")
    monkeypatch.setenv("WSCC_LICENSE_PRICE", "99.00")  # read by the orders service only, which started without it
    visitor = Visitor(make_app().test_client())
    assert "from 5 to 100 licenses at a time" in text_of(visitor.get("/"))
    assert "50.00 CAD per license" in text_of(visitor.get("/"))
    visitor.register()
    page = text_of(visitor.get("/orders/new"))
    assert "from 5 to 100, then click BUY" in page and "Price: 50.00 CAD per license." in page
    too_many = visitor.submit("/orders/new", {"quantity": "101"})
    assert too_many.status_code == 422 and "Buy at most 100 licenses per purchase" in text_of(too_many)
    assert visitor.submit("/orders/new", {"quantity": "6"}).status_code == 303
