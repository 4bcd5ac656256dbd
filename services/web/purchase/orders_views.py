"""BUY LICENSES → BUY → the order summary with "CLICK HERE TO GO TO PAYPAL"; pay later or drop an unpaid order."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from services.web.access import role_required
from services.web.clients import OrdersApi, Refused
from services.web.i18n import current_language, paypal_locale
from services.web.purchase.forms import BuyForm, quantity_message
from services.web.purchase.links import public_url_for
from services.web.purchase.terms import purchase_terms

bp = Blueprint("orders", __name__, url_prefix="/orders")


def _billing() -> dict[str, Any]:
    company = current_user.company
    return {"legal_name": company.legal_name, "representative_name": current_user.name, "email": current_user.email,
            "mailing_address": company.mailing_address, "employer_account_number": company.employer_account_number}


@bp.route("/new", methods=["GET", "POST"])
@role_required("company")
def new() -> Any:
    terms = purchase_terms()
    form = BuyForm(terms)
    if form.validate_on_submit():
        try:
            order = OrdersApi().create(form.whole_quantity, _billing())
        except Refused as error:
            form.quantity.errors.append(quantity_message(error.fields.get("quantity", error.code), terms))
        else:
            return redirect(url_for("orders.show", order_id=order["id"]), 303)
    return render_template("orders/new.html", form=form, terms=terms), 422 if form.errors else 200


@bp.get("/<uuid:order_id>")
@role_required("company")
def show(order_id: uuid.UUID) -> str:
    return render_template("orders/order.html", order=OrdersApi().get(order_id))


@bp.post("/<uuid:order_id>/checkout")
@role_required("company")
def checkout(order_id: uuid.UUID) -> Any:
    """CLICK HERE TO GO TO PAYPAL: a PayPal order for this order's total, then the buyer goes to PayPal."""
    try:
        approve_url = OrdersApi.reaching_paypal().checkout(
            order_id, return_url=public_url_for("payment.paypal_return", order_id=order_id),
            cancel_url=public_url_for("payment.paypal_cancel", order_id=order_id),
            locale=paypal_locale(current_language()))
    except Refused:
        flash(_("This order can no longer be paid."), "error")
        return redirect(url_for("orders.show", order_id=order_id), 303)
    return redirect(approve_url, 303)


@bp.post("/<uuid:order_id>/drop")
@role_required("company")
def drop(order_id: uuid.UUID) -> Any:
    try:
        order = OrdersApi().drop(order_id)
    except Refused:
        flash(_("This order is paid or already closed: it cannot be dropped."), "error")
        return redirect(url_for("orders.show", order_id=order_id), 303)
    flash(_("Order %(number)s was dropped. Nothing was charged.", number=order["number"]), "success")
    return redirect(url_for("dashboard.show"), 303)
