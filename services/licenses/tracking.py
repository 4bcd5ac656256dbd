"""The company's own tracking columns: "Assigned to (name)" and "Assignment date" (no effect on the license)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.refusals import Invalid, NotFound
from services.licenses.models import License

NAME_MAX = 200
EARLIEST_DATE = date(2000, 1, 1)


def parse_tracking(payload: dict) -> tuple[str | None, date | None]:
    fields: dict[str, str] = {}
    name = payload.get("assigned_to_name")
    if name is not None and not isinstance(name, str):
        fields["assigned_to_name"] = "invalid"
    elif name is not None and len(name.strip()) > NAME_MAX:
        fields["assigned_to_name"] = "too_long"
    assignment_date = None
    raw_date = payload.get("assignment_date")
    if raw_date not in (None, ""):
        try:
            assignment_date = date.fromisoformat(raw_date)
        except (TypeError, ValueError):
            fields["assignment_date"] = "invalid_date"
        else:
            if not EARLIEST_DATE <= assignment_date <= date(utcnow().year + 1, 12, 31):
                fields["assignment_date"] = "out_of_range"
    if fields:
        raise Invalid("invalid_tracking", fields)
    return ((name or "").strip() or None), assignment_date


def update_tracking(session: Session, company_id: uuid.UUID, license_id: uuid.UUID, payload: dict) -> License:
    name, assignment_date = parse_tracking(payload)
    license_ = session.scalar(select(License).where(License.id == license_id, License.company_id == company_id)
                              .with_for_update())
    if license_ is None:
        raise NotFound("not_found")
    license_.assigned_to_name, license_.assignment_date = name, assignment_date
    license_.updated_at = utcnow()
    return license_
