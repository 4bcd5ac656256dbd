"""The receipt of a paid order, as a page and as a PDF, in the reader's language."""
from tests.integration.web.support import Visitor, text_of


def test_the_receipt_page_names_seller_buyer_items_and_payment(app, paid_company):
    account, order_id = paid_company
    visitor = Visitor(app.test_client())
    visitor.login(account)
    page = text_of(visitor.get(f"/orders/{order_id}/receipt"))
    assert "Workers' Safety and Compensation Commission (WSCC)" in page
    assert account.legal_name in page and "Ann Example" in page and "Yellowknife NT" in page
    assert "WSCC employer account number 12345" in page
    assert "Mine Supervisor Certification license 5 50.00 CAD 250.00 CAD" in page
    assert "Paid via PayPal, capture" in page and "Status: Paid" in page


def test_the_receipt_pdf_in_french(app, paid_company):
    account, order_id = paid_company
    visitor = Visitor(app.test_client())
    visitor.login(account)
    visitor.get("/language/fr")
    response = visitor.get(f"/orders/{order_id}/receipt.pdf")
    page = text_of(visitor.get(f"/orders/{order_id}/receipt"))
    visitor.get("/language/en")  # the shared account keeps English for the next test
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.get_data().startswith(b"%PDF-")
    assert "Reçu" in page and "(CSTIT)" in page and "250,00 CAD" in page


def test_an_unpaid_order_has_no_receipt(visitor, company):
    order_id = visitor.place_order(5)
    assert visitor.get(f"/orders/{order_id}/receipt").status_code == 404
    assert visitor.get(f"/orders/{order_id}/receipt.pdf").status_code == 404
