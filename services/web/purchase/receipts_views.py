"""The receipt of a paid order: a page, and the same as a PDF."""
from __future__ import annotations

import uuid

from flask import Blueprint, Response, render_template

from services.web.access import role_required
from services.web.clients import OrdersApi, Refused
from services.web.errors import error_page
from services.web.purchase.receipt_pdf import receipt_pdf
from services.web.purchase.receipts import Receipt, build_receipt

bp = Blueprint("receipts", __name__, url_prefix="/orders/<uuid:order_id>")


def _receipt(order_id: uuid.UUID) -> Receipt | None:
    try:
        return build_receipt(OrdersApi().receipt(order_id))
    except Refused as error:
        if error.code == "not_paid":
            return None
        raise


@bp.get("/receipt")
@role_required("company")
def page(order_id: uuid.UUID):
    receipt = _receipt(order_id)
    if receipt is None:
        return error_page(404)
    return render_template("receipts/receipt.html", receipt=receipt, order_id=order_id)


@bp.get("/receipt.pdf")
@role_required("company")
def pdf(order_id: uuid.UUID):
    receipt = _receipt(order_id)
    if receipt is None:
        return error_page(404)
    return Response(receipt_pdf(receipt), mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="receipt-{receipt.number}.pdf"'})
