"""The company's table: license counts, its orders, and the codes still being issued for a paid order."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template

from services.web.access import role_required
from services.web.clients import LicensesApi, OrdersApi

bp = Blueprint("dashboard", __name__)
COUNTS = ("bought", "available", "in_use", "redeemed", "finished", "expired")


def company_progress() -> dict[str, Any]:
    """Counts, orders, and for each paid order how many of its codes exist yet.

    "Bought" counts the codes still being issued too: the table shows what was paid for as soon as PayPal
    confirms, as the source document promises, while the other columns count codes that exist.
    """
    summary = LicensesApi().summary()
    orders = OrdersApi().list()
    issued = summary.get("issued_by_order", {})
    for order in orders:
        order["issued"] = issued.get(order["id"], 0)
        order["issuing"] = order["status"] == "paid" and order["issued"] < order["quantity"]
    counts = {name: summary.get(name, 0) for name in COUNTS}
    counts["bought"] += sum(order["quantity"] - order["issued"] for order in orders if order["issuing"])
    return {"counts": counts, "orders": orders, "issuing": any(order["issuing"] for order in orders)}


@bp.get("/dashboard")
@role_required("company")
def show() -> str:
    return render_template("dashboard/dashboard.html", **company_progress())


@bp.get("/dashboard/progress.json")
@role_required("company")
def progress() -> Any:
    """What the dashboard's script polls while codes are being issued."""
    state = company_progress()
    return jsonify(counts=state["counts"], issuing=state["issuing"],
                   orders={order["id"]: {"issued": order["issued"], "quantity": order["quantity"]}
                           for order in state["orders"] if order["status"] == "paid"})
