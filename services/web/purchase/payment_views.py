"""Coming back from PayPal: the return page captures the payment; the cancel page records that nothing was paid.

A capture whose outcome we did not learn (PayPal, or the orders service, answered too late) may well have charged
the buyer: the buyer is sent to a page that follows the order until it is paid, never told that nothing changed.
"""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.clients import ANSWER_LATE, OrdersApi, Refused, ServiceUnavailable

bp = Blueprint("payment", __name__, url_prefix="/orders/<uuid:order_id>/paypal")

# The capture was asked for, but its outcome did not reach us: the payment may have gone through.
OUTCOME_UNKNOWN = ("paypal_unavailable", ANSWER_LATE)


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


def _to_order(order_id: uuid.UUID) -> Any:
    return redirect(url_for("orders.show", order_id=order_id), 303)


def _to_confirming(order_id: uuid.UUID, token: str) -> Any:
    return redirect(url_for("payment.confirming", order_id=order_id, token=token), 303)


def _paid() -> Any:
    flash(_("Thank you: your payment was received. Your new licenses are in the table; their codes appear "
            "within a few seconds."), "success")
    return redirect(url_for("dashboard.show"), 303)


def _capture(order_id: uuid.UUID, token: str, payer_id: str | None) -> Any:
    """Ask orders to capture (again: PayPal replays a repeated capture, it never charges twice)."""
    try:
        order = OrdersApi.reaching_paypal().capture(order_id, token, payer_id)
    except Refused as error:
        message = _capture_refused_message(error.code)
        if message:
            flash(message, "error")
        return _to_order(order_id)
    except ServiceUnavailable as error:
        if error.code in OUTCOME_UNKNOWN:
            return _to_confirming(order_id, token)
        if error.code != "paypal_error":
            raise
        flash(_("PayPal could not take the payment just now. Nothing was charged; you can try again in a few "
                "minutes."), "error")
        return _to_order(order_id)
    if order["status"] == "paid":
        return _paid()
    return _to_order(order_id)  # payment pending, or held for review: the order page explains


@bp.get("/return")
@role_required("company")
def paypal_return(order_id: uuid.UUID) -> Any:
    token = request.args.get("token", "")
    if not token:
        flash(_("PayPal did not say which payment this is. Nothing was changed."), "error")
        return _to_order(order_id)
    return _capture(order_id, token, request.args.get("PayerID"))


@bp.get("/confirming")
@role_required("company")
def confirming(order_id: uuid.UUID) -> Any:
    """Follows the order: the paid order once it is, the order page once anything else is known."""
    order = OrdersApi().get(order_id)
    if order["status"] == "paid":
        return _paid()
    if order["status"] != "awaiting_payment":
        return _to_order(order_id)
    return render_template("orders/confirming.html", order=order, token=request.args.get("token", ""))


@bp.get("/confirming.json")
@role_required("company")
def confirming_status(order_id: uuid.UUID) -> Any:
    """For the page's script: it goes back to the page (which moves on) once the order is no longer awaited."""
    return {"status": OrdersApi().get(order_id)["status"]}


@bp.post("/confirming")
@role_required("company")
def check_again(order_id: uuid.UUID) -> Any:
    token = request.form.get("token") or request.args.get("token", "")
    if not token:
        OrdersApi().get(order_id)  # another company's order is not found, as everywhere
        return redirect(url_for("payment.confirming", order_id=order_id), 303)
    return _capture(order_id, token, None)


@bp.get("/cancel")
@role_required("company")
def paypal_cancel(order_id: uuid.UUID) -> Any:
    try:
        OrdersApi().payment_cancelled(order_id, request.args.get("token"))
    except Refused:
        pass  # already paid or closed: the order page shows what it is
    return _to_order(order_id)
