"""For WSCC administrators: orders held because what PayPal captured differs from what was asked."""
from __future__ import annotations

import uuid

from flask import Blueprint, render_template
from sqlalchemy import select

from services.web.access import role_required
from services.web.clients import OrdersApi
from services.web.models import Company
from services.web.runtime import current_runtime

bp = Blueprint("admin", __name__, url_prefix="/admin")


def company_names(company_ids: set[str]) -> dict[str, str]:
    """Companies are the front door's own records: their names come from here, not from the orders service."""
    keys = [uuid.UUID(value) for value in company_ids if value]
    if not keys:
        return {}
    with current_runtime().db.reading() as session:
        rows = session.execute(select(Company.id, Company.legal_name).where(Company.id.in_(keys))).all()
    return {str(company_id): name for company_id, name in rows}


@bp.get("/orders")
@role_required("admin")
def held_orders() -> str:
    orders = OrdersApi().held()
    names = company_names({order.get("company_id") for order in orders})
    return render_template("admin/held_orders.html", orders=orders, names=names)
