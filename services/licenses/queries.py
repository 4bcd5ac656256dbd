"""What a company may read of its licenses: the counts of its dashboard and the pages of its codes."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.licenses.codes import display
from services.licenses.models import License, LicenseStatus

IN_USE = (LicenseStatus.CLAIMED, LicenseStatus.ELIGIBLE)


def company_summary(session: Session, company_id: uuid.UUID) -> dict:
    by_status = dict(session.execute(
        select(License.status, func.count()).where(License.company_id == company_id).group_by(License.status)
    ).all())
    by_order = dict(session.execute(
        select(License.order_id, func.count()).where(License.company_id == company_id).group_by(License.order_id)
    ).all())
    return {
        "bought": sum(by_status.values()),
        "available": by_status.get(LicenseStatus.AVAILABLE, 0),
        "in_use": sum(by_status.get(status, 0) for status in IN_USE),
        "redeemed": by_status.get(LicenseStatus.REDEEMED, 0),
        "expired": by_status.get(LicenseStatus.EXPIRED, 0),
        "issued_by_order": {str(order_id): count for order_id, count in by_order.items()},
    }


def _listing(company_id: uuid.UUID):
    return (select(License).where(License.company_id == company_id)
            .order_by(License.issued_at, License.order_number, License.ordinal))


def company_page(session: Session, company_id: uuid.UUID, page: int, per_page: int) -> dict:
    total = session.scalar(select(func.count()).select_from(License).where(License.company_id == company_id))
    rows = session.scalars(_listing(company_id).limit(per_page).offset((page - 1) * per_page)).all()
    return {"items": [as_json(row) for row in rows], "page": page, "per_page": per_page, "total": total}


def company_licenses(session: Session, company_id: uuid.UUID, batch: int = 1000) -> Iterator[License]:
    """Every license of the company, streamed in batches (for the CSV export of thousands of codes)."""
    yield from session.scalars(_listing(company_id).execution_options(yield_per=batch))


def as_json(license_: License) -> dict:
    return {
        "id": str(license_.id),
        "code": display(license_.code),
        "status": license_.status,
        "order_id": str(license_.order_id),
        "order_number": license_.order_number,
        "assigned_to_name": license_.assigned_to_name,
        "assignment_date": license_.assignment_date.isoformat() if license_.assignment_date else None,
        "issued_at": license_.issued_at.isoformat(),
    }
