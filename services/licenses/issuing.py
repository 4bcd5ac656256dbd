"""Issuing the codes of a paid order: exactly its quantity, once."""
from __future__ import annotations

import uuid

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events import new_event
from common.events.schemas import LicensesIssued, OrderPaid
from common.outbox import record_event
from services.licenses.codes import generate_code
from services.licenses.models import License, LicenseHistory, LicenseStatus, Outbox


def issue_licenses(session: Session, order: OrderPaid, cause: str) -> int:
    """Create the codes this order still lacks; returns how many were created.

    Converges rather than counts on being called once: whatever arrives twice, the (order, ordinal) key lets
    the database refuse an extra code.
    """
    existing = session.scalar(select(func.count()).select_from(License).where(License.order_id == order.order_id))
    missing = range(existing + 1, order.quantity + 1)
    if not missing:
        return 0
    now = utcnow()
    rows = [{
        "id": uuid.uuid4(), "code": generate_code(), "company_id": order.company_id, "order_id": order.order_id,
        "order_number": order.order_number, "ordinal": ordinal, "status": LicenseStatus.AVAILABLE,
        "issued_at": now, "updated_at": now,
    } for ordinal in missing]
    session.execute(insert(License), rows)
    session.execute(insert(LicenseHistory), [{
        "license_id": row["id"], "from_status": None, "to_status": LicenseStatus.AVAILABLE, "at": now,
        "cause": cause, "details": {"order_number": order.order_number},
    } for row in rows])
    record_event(session, Outbox, new_event("licenses.issued", LicensesIssued(
        order_id=order.order_id, order_number=order.order_number, company_id=order.company_id,
        quantity=order.quantity)))
    return len(rows)
