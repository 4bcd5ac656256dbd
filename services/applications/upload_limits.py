"""How much an employee may keep: files per requirement, files per application, and bytes in all.

Checked under the application's row lock (the caller holds it), so two uploads at once cannot both pass a limit.
That lock also covers the total per person: only an open application takes files, and an employee has at most one.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.refusals import Invalid
from services.applications.models import Application, Document
from services.applications.settings import Settings


def check_room(session: Session, application: Application, requirement_code: str, size: int | None,
               settings: Settings) -> None:
    """Refuse (422, with the limit) a file that would pass a limit; ``size`` None checks only the counts."""
    counts = dict(session.execute(
        select(Document.requirement_code, func.count()).where(Document.application_id == application.id)
        .group_by(Document.requirement_code)).tuples().all())
    if counts.get(requirement_code, 0) >= settings.max_files_per_requirement:
        raise _full("requirement_full", settings.max_files_per_requirement)
    if sum(counts.values()) >= settings.max_files_per_application:
        raise _full("application_full", settings.max_files_per_application)
    limit = settings.max_document_bytes_per_person
    if stored_bytes(session, application) + (size or 0) > limit:
        raise _full("person_storage_full", limit)


def stored_bytes(session: Session, application: Application) -> int:
    """The bytes the application's employee keeps in every application (files deleted for retention excluded)."""
    return session.scalar(
        select(func.coalesce(func.sum(Document.size), 0)).join(Application, Document.application_id == Application.id)
        .where(Application.employee_id == application.employee_id, Document.purged_at.is_(None)))


def _full(code: str, limit: int) -> Invalid:
    return Invalid(code, {"file": code, "limit": str(limit)})
