"""The receipt PDF, built from the orders service's receipt JSON, in either language."""
from services.web.purchase.receipt_pdf import latin1, receipt_pdf
from services.web.purchase.receipts import build_receipt

RECEIPT = {
    "order": {"id": "0b0c", "number": "WSCC-1A2B3C4D", "quantity": 25, "unit_price": "50.00", "total": "1250.00",
              "currency": "CAD", "status": "paid", "created_at": "2026-03-01T12:00:00+00:00",
              "paid_at": "2026-03-01T12:05:00+00:00", "payment_error": None, "billing": {}},
    "billing": {"legal_name": "Mines Boréales Ltée", "representative_name": "Éloïse Côté",
                "email": "eloise@boreales.example", "mailing_address": "1 rue Principale\nYellowknife NT",
                "employer_account_number": "98765"},
    "paypal_order_id": "5O190127TN364715T", "paypal_capture_id": "3C679366HH908993F",
    "paid_at": "2026-03-01T12:05:00+00:00", "payer_email": None, "payer_name": None,
}


def test_the_receipt_reads_in_french_with_amounts_as_french_writes_them(app):
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        receipt = build_receipt(RECEIPT)
    assert receipt.seller.endswith("(CSTIT)")
    assert receipt.total == "1\u202f250,00 CAD"
    assert receipt.billed_to == ["Mines Boréales Ltée", "Éloïse Côté", "1 rue Principale", "Yellowknife NT"]
    assert receipt.payment == "Payé par PayPal, capture 3C679366HH908993F"
    assert receipt.status == "Payée"


def test_the_pdf_is_one_page_of_latin1_text(app):
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        pdf = receipt_pdf(build_receipt(RECEIPT))
    assert pdf.startswith(b"%PDF-")
    assert pdf.count(b"/Type /Page\n") == 1


def test_characters_latin1_lacks_get_stand_ins():
    assert latin1("1\u202f250,00 CAD – l’entreprise") == "1\xa0250,00 CAD - l'entreprise"
    assert latin1("ᐃᓄᒃᑎᑐᑦ") == "??????"
