"""Which companies' codes each employee has linked, and the refusals they must hear of.

``application.refused`` names the employee only, and licenses and applications publish independently: a refusal
can be handled before the claim of a code linked long before it. So both are kept, and whichever of the two
handlers runs second sends the company's e-mail (both hold the employee's contact row, so they take turns).
"""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import insert_ignoring_conflicts
from common.events.schemas import ApplicationRefused, LicenseChange
from services.notifications.contacts import save_newest
from services.notifications.models import CodeLink, Refusal


def save_code_link(session: Session, change: LicenseChange, *, linked: bool) -> None:
    """Claimed (linked) or released (not linked); a late older event does not undo a newer one."""
    save_newest(session, CodeLink, "license_id", {
        "license_id": change.license_id, "employee_id": change.employee_id, "company_id": change.company_id,
        "linked": linked, "as_of": change.at})


def companies_linked_at(session: Session, employee_id: uuid.UUID, moment: datetime) -> list[uuid.UUID]:
    """Companies with a code linked to the employee at ``moment`` (linked then, not released since)."""
    return sorted(set(session.scalars(select(CodeLink.company_id).where(
        CodeLink.employee_id == employee_id, CodeLink.linked, CodeLink.as_of <= moment))))


def record_refusal(session: Session, refused: ApplicationRefused) -> None:
    insert_ignoring_conflicts(session, Refusal, {
        "application_id": refused.application_id, "employee_id": refused.employee_id,
        "refused_at": refused.refused_at, "certification": refused.certification.model_dump(mode="json")})


def refusals_since(session: Session, employee_id: uuid.UUID, moment: datetime) -> list[Refusal]:
    """The employee's refusals decided at or after ``moment`` (a code linked then was linked at the refusal)."""
    return list(session.scalars(select(Refusal).where(Refusal.employee_id == employee_id,
                                                      Refusal.refused_at >= moment)
                                .order_by(Refusal.refused_at)))
