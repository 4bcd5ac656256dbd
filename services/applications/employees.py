"""The employees this service knows of: name, e-mail and language as the front door last said, for reviewers."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import dialect_insert
from common.events.schemas import EmployeeProfile
from services.applications.models import Employee


def save_employee(session: Session, profile: EmployeeProfile, as_of: datetime) -> None:
    """Insert or update the employee, unless what is stored comes from a newer event."""
    values = {"employee_id": profile.employee_id, "name": profile.name, "email": str(profile.email),
              "language": profile.language, "as_of": as_of}
    table = Employee.__table__
    statement = dialect_insert(session)(table).values(values)
    # One statement, so two events about one new employee cannot both try to insert it.
    session.execute(statement.on_conflict_do_update(
        index_elements=[table.c.employee_id],
        set_={name: statement.excluded[name] for name in values if name != "employee_id"},
        where=table.c.as_of <= statement.excluded.as_of,
    ))


def _as_json(employee_id: uuid.UUID, employee: Employee | None) -> dict:
    # Names stay empty until the front door's profile event has arrived.
    return {"id": str(employee_id), "name": employee.name if employee else None,
            "email": employee.email if employee else None, "language": employee.language if employee else None}


def employee_json(session: Session, employee_id: uuid.UUID) -> dict:
    """What a reviewer sees of the applicant."""
    return _as_json(employee_id, session.get(Employee, employee_id))


def employees_json(session: Session, employee_ids: set[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """The same for many applicants in one query (the review queue)."""
    known = {employee.employee_id: employee for employee in
             session.scalars(select(Employee).where(Employee.employee_id.in_(employee_ids)))}
    return {employee_id: _as_json(employee_id, known.get(employee_id)) for employee_id in employee_ids}
