"""Coming back from PayPal: the return page captures the payment; the cancel page records that nothing was paid."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from services.web.clients import OrdersApi, Refused, ServiceUnavailable
from services.web.views.access import role_required

bp = Blueprint("payment", __name__, url_prefix="/orders/<uuid:order_id>/paypal")


def _capture_refused_message(code: str) -> str | None:
    """None when the order page itself explains (a declined payment is recorded on the order)."""
    messages = {
        "payment_declined": None,
        "token_mismatch": _("This PayPal payment does not belong to this order. Nothing was changed."),
        "not_approved": _("The payment was not approved at PayPal yet. Nothing was charged. You can go to PayPal "
                          "again."),
        "not_payable": _("This order can no longer be paid."),
    }
    return messages.get(code, _("The payment could not be completed. Nothing was charged."))


PAYPAL_TROUBLE = ("paypal_unavailable", "paypal_error")


def _to_order(order_id: uuid.UUID) -> Any:
    return redirect(url_for("orders.show", order_id=order_id), 303)


@bp.get("/return")
@role_required("company")
def paypal_return(order_id: uuid.UUID) -> Any:
    token = request.args.get("token", "")
    if not token:
        flash(_("PayPal did not say which payment this is. Nothing was changed."), "error")
        return _to_order(order_id)
    try:
        order = OrdersApi().capture(order_id, token, request.args.get("PayerID"))
    except Refused as error:
        message = _capture_refused_message(error.code)
        if message:
            flash(message, "error")
        return _to_order(order_id)
    except ServiceUnavailable as error:
        if error.code not in PAYPAL_TROUBLE:
            raise
        flash(_("PayPal could not confirm the payment just now. If it went through, your codes will be issued "
                "automatically; otherwise you can try again in a few minutes."), "error")
        return _to_order(order_id)
    if order["status"] == "paid":
        flash(_("Thank you: your payment was received. Your new licenses are in the table; their codes appear "
                "within a few seconds."), "success")
        return redirect(url_for("dashboard.show"), 303)
    return _to_order(order_id)  # payment pending, or held for review: the order page explains


@bp.get("/cancel")
@role_required("company")
def paypal_cancel(order_id: uuid.UUID) -> Any:
    try:
        OrdersApi().payment_cancelled(order_id, request.args.get("token"))
    except Refused:
        pass  # already paid or closed: the order page shows what it is
    return _to_order(order_id)
