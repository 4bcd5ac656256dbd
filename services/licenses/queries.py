"""What a company may read of its licenses: the counts of its dashboard, the pages of its codes with each linked
employee's progress (one query, the projection joined), and a code's history."""
from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from common.refusals import NotFound
from services.licenses.models import (LIVE_STATUSES, CourseProgress, Employee, License, LicenseHistory,
                                      LicenseStatus)
from services.licenses.representations import company_license_json, history_json

IN_USE = LIVE_STATUSES


def company_summary(session: Session, company_id: uuid.UUID) -> dict:
    # One statement, so the counts by status and by order come from the same snapshot: two statements under
    # READ COMMITTED could straddle an order's issuing and disagree on whether its codes exist.
    by_status: Counter[str] = Counter()
    by_order: Counter[uuid.UUID] = Counter()
    for status, order_id, count in session.execute(
            select(License.status, License.order_id, func.count()).where(License.company_id == company_id)
            .group_by(License.status, License.order_id)):
        by_status[status] += count
        by_order[order_id] += count
    return {
        "bought": sum(by_status.values()),
        "available": by_status.get(LicenseStatus.AVAILABLE, 0),
        "in_use": sum(by_status.get(status, 0) for status in IN_USE),
        # A finished license was redeemed first: its course and exam are over (certified or not).
        "redeemed": by_status.get(LicenseStatus.REDEEMED, 0) + by_status.get(LicenseStatus.FINISHED, 0),
        "finished": by_status.get(LicenseStatus.FINISHED, 0),  # of the redeemed: course and exam over
        "expired": by_status.get(LicenseStatus.EXPIRED, 0),
        "issued_by_order": {str(order_id): count for order_id, count in by_order.items()},
    }


def _listing(company_id: uuid.UUID) -> Select:
    return (select(License, Employee, CourseProgress)
            .outerjoin(Employee, Employee.employee_id == License.employee_id)
            .outerjoin(CourseProgress, CourseProgress.license_id == License.id)
            .where(License.company_id == company_id)
            .order_by(License.issued_at, License.order_number, License.ordinal))


def company_page(session: Session, company_id: uuid.UUID, page: int, per_page: int, now: datetime) -> dict:
    total = session.scalar(select(func.count()).select_from(License).where(License.company_id == company_id))
    rows = session.execute(_listing(company_id).limit(per_page).offset((page - 1) * per_page)).all()
    return {"items": [company_license_json(license_, employee, now, course) for license_, employee, course in rows],
            "page": page, "per_page": per_page, "total": total}


def company_licenses(session: Session, company_id: uuid.UUID, now: datetime, batch: int = 1000) -> Iterator[dict]:
    """Every license of the company, streamed in batches (for the CSV export of thousands of codes)."""
    for license_, employee, course in session.execute(_listing(company_id).execution_options(yield_per=batch)):
        yield company_license_json(license_, employee, now, course)


def company_license(session: Session, company_id: uuid.UUID, license_id: uuid.UUID) -> License:
    license_ = session.scalar(select(License).where(License.id == license_id, License.company_id == company_id))
    if license_ is None:
        raise NotFound("not_found")
    return license_


def license_history(session: Session, company_id: uuid.UUID, license_id: uuid.UUID) -> dict:
    company_license(session, company_id, license_id)
    rows = session.execute(
        select(LicenseHistory, Employee.name).outerjoin(Employee, Employee.employee_id == LicenseHistory.employee_id)
        .where(LicenseHistory.license_id == license_id).order_by(LicenseHistory.id)
    ).all()
    return {"items": [history_json(entry, name) for entry, name in rows]}
