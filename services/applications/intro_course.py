"""The free introduction course: its modules in the employee's language, which they opened, and completion."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import insert_ignoring_conflicts
from common.events import new_event
from common.events.schemas import IntroCourseCompleted
from common.refusals import Conflict, NotFound
from common.outbox import record_event
from services.applications.catalog import all_certifications
from common.markdown import render
from services.applications.models import Certification, IntroCourseProgress, IntroModule, IntroModuleView, Outbox

CERTIFICATIONS_PLACEHOLDER = "[[certifications]]"
REQUIREMENTS_PLACEHOLDER = "[[requirements]]"


def language_of(language: str | None) -> str:
    """The column suffix for a language; English until a translation exists."""
    return "fr" if language == "fr" else "en"


def course_view(session: Session, employee_id: uuid.UUID, language: str | None) -> dict:
    suffix = language_of(language)
    modules = session.scalars(select(IntroModule).order_by(IntroModule.position)).all()
    viewed = set(session.scalars(select(IntroModuleView.module_key)
                                 .where(IntroModuleView.employee_id == employee_id)))
    progress = session.get(IntroCourseProgress, employee_id)
    certifications = all_certifications(session)
    return {
        "modules": [{
            "key": module.key,
            "title": getattr(module, f"title_{suffix}"),
            "body_html": render(_filled(getattr(module, f"body_{suffix}"), certifications, suffix)),
            "position": module.position,
            "viewed": module.key in viewed,
        } for module in modules],
        "completed_at": progress.completed_at.isoformat() if progress and progress.completed_at else None,
    }


class IntroCourseRequired(Conflict):
    """Every employee takes the free introduction course before applying (the program's rule)."""

    def __init__(self) -> None:
        super().__init__("intro_course_required")


def require_intro_course(session: Session, employee_id: uuid.UUID) -> None:
    progress = session.get(IntroCourseProgress, employee_id)
    if progress is None or progress.completed_at is None:
        raise IntroCourseRequired()


def record_view(session: Session, employee_id: uuid.UUID, module_key: str) -> None:
    """Mark the module opened; the view that completes the course records the completion and its event, once."""
    if session.get(IntroModule, module_key) is None:
        raise NotFound("not_found")
    now = utcnow()
    insert_ignoring_conflicts(session, IntroCourseProgress,
                              {"employee_id": employee_id, "started_at": now, "completed_at": None})
    # The employee's progress row is the lock: two views at once are counted one after the other, so the one
    # that completes the course sees every other view, and only one of them can complete it.
    progress = session.scalars(select(IntroCourseProgress).where(IntroCourseProgress.employee_id == employee_id)
                               .with_for_update().execution_options(populate_existing=True)).one()
    insert_ignoring_conflicts(session, IntroModuleView,
                              {"employee_id": employee_id, "module_key": module_key, "viewed_at": now})
    if progress.completed_at is not None:
        return
    modules = session.scalar(select(func.count()).select_from(IntroModule))
    viewed = session.scalar(select(func.count()).select_from(IntroModuleView)
                            .where(IntroModuleView.employee_id == employee_id))
    if viewed >= modules:
        progress.completed_at = now
        record_event(session, Outbox, new_event("intro_course.completed",
                                                IntroCourseCompleted(employee_id=employee_id, completed_at=now)))


def _filled(body: str, certifications: list[Certification], suffix: str) -> str:
    """Lists written from the current certification data, so the course never disagrees with it."""
    if CERTIFICATIONS_PLACEHOLDER in body:
        names = "\n".join(f"- {getattr(item, f'name_{suffix}')}" for item in certifications)
        body = body.replace(CERTIFICATIONS_PLACEHOLDER, names)
    if REQUIREMENTS_PLACEHOLDER in body:
        lines, colon = [], " :" if suffix == "fr" else ":"
        for item in certifications:
            documents = "; ".join(getattr(requirement, f"name_{suffix}") for requirement in item.requirements)
            lines.append(f"- **{getattr(item, f'name_{suffix}')}**{colon} {documents}")
        body = body.replace(REQUIREMENTS_PLACEHOLDER, "\n".join(lines))
    return body
