"""The JSON shapes of docs/internal-api.md: a license for its company, for its employee, for an administrator, and
its history."""
from __future__ import annotations

from datetime import datetime

from services.licenses.codes import display
from services.licenses.employees import employee_progress
from services.licenses.lifecycle import days_left, is_releasable
from services.licenses.course_progress import progress_json
from services.licenses.models import LIVE_STATUSES, CourseProgress, Employee, License, LicenseHistory, LicenseStatus


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _days_left(license_: License, now: datetime) -> int | None:
    if license_.status != LicenseStatus.ELIGIBLE or license_.redeem_by is None:
        return None
    return days_left(license_.redeem_by, now)


def as_json(license_: License) -> dict:
    """The license as its company's tracking table shows it (issue 2's shape)."""
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


def company_license_json(license_: License, employee: Employee | None, now: datetime,
                         course: CourseProgress | None = None) -> dict:
    """The tracking shape, plus the linked employee's progress (past redemption, their course and exam) and whether
    the code may be released."""
    return as_json(license_) | {
        "employee": _employee_json(license_, employee, now) | {"course": progress_json(course)}
        if license_.employee_id else None,
        "releasable": is_releasable(license_.status),
    }


def _employee_json(license_: License, employee: Employee | None, now: datetime) -> dict:
    progress, progress_at = employee_progress(employee, license_)
    return {
        "id": str(license_.employee_id),
        "name": employee.name if employee else None,
        "progress": progress,
        "progress_at": _instant(progress_at),
        "certification": license_.certification or (employee.certification if employee else None),
        "redeem_by": _instant(license_.redeem_by),
        "days_left": _days_left(license_, now),
    }


def my_progress_json(employee: Employee | None, license_: License | None,
                     course: CourseProgress | None = None) -> dict:
    progress, at = employee_progress(employee, license_)
    return {"progress": progress, "progress_at": _instant(at), "course": progress_json(course)}


def employee_license_json(license_: License, now: datetime) -> dict:
    return {
        "id": str(license_.id),
        "code": display(license_.code),
        "status": license_.status,
        "live": license_.status in LIVE_STATUSES,  # the one meaning of "live": linked, not used yet
        "company_id": str(license_.company_id),
        "claimed_at": _instant(license_.claimed_at),
        "certification": license_.certification,
        "approved_at": _instant(license_.approved_at),
        "redeem_by": _instant(license_.redeem_by),
        "days_left": _days_left(license_, now),
        "redeemed_at": _instant(license_.redeemed_at),
    }


def admin_license_json(license_: License, employee: Employee | None, now: datetime) -> dict:
    """What an administrator sees of a license they look up or reinstate: its company, state, employee and deadline."""
    return employee_license_json(license_, now) | {
        "order_number": license_.order_number,
        "expired_at": _instant(license_.expired_at),
        "employee": {"id": str(license_.employee_id), "name": employee.name if employee else None}
        if license_.employee_id else None,
    }


def history_json(entry: LicenseHistory, employee_name: str | None) -> dict:
    employee = {"id": str(entry.employee_id), "name": employee_name} if entry.employee_id else None
    return {"from_status": entry.from_status, "to_status": entry.to_status, "at": entry.at.isoformat(),
            "cause": entry.cause, "employee": employee}
