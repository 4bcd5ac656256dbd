"""Migration 7b3e51c0a9d2 on a database with the defect's data: the second code an employee linked beside a
redeemed one goes back to its company, with a history row, and the new index then holds."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, insert, select
from sqlalchemy.exc import IntegrityError

from common.migrations import upgrade
from services.licenses.codes import generate_code
from services.licenses.models import License, LicenseHistory


def a_license(employee_id: uuid.UUID | None, status: str, ordinal: int) -> dict:
    now = datetime.now(UTC)
    return {"id": uuid.uuid4(), "code": generate_code(), "company_id": uuid.uuid4(), "order_id": uuid.uuid4(),
            "order_number": "WSCC-OLD", "ordinal": ordinal, "status": status, "issued_at": now, "updated_at": now,
            "employee_id": employee_id, "claimed_at": now if employee_id else None}


def test_second_codes_beside_a_redeemed_one_are_given_back_then_one_held_license_each(tmp_path):
    url = f"sqlite:///{tmp_path / 'licenses.db'}"
    upgrade("licenses", url, "0e688362cefc")
    employee, other = uuid.uuid4(), uuid.uuid4()
    redeemed, second, others = (a_license(employee, "redeemed", 1), a_license(employee, "claimed", 2),
                                a_license(other, "claimed", 3))
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(insert(License), [redeemed, second, others])

    upgrade("licenses", url)

    with engine.begin() as connection:
        statuses = dict(connection.execute(select(License.id, License.status)).all())
        assert statuses == {redeemed["id"]: "redeemed", second["id"]: "available", others["id"]: "claimed"}
        [history] = connection.execute(select(LicenseHistory)).all()
        assert (history.license_id, history.from_status, history.to_status, history.employee_id) == (
            second["id"], "claimed", "available", employee)
        assert connection.scalar(select(License.employee_id).where(License.id == second["id"])) is None
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert(License), [a_license(employee, "claimed", 4)])
    engine.dispose()
