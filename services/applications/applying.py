"""An employee's own applications: opening one, reading them, submitting."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import insert_ignoring_conflicts
from common.refusals import Conflict, Invalid, NotFound
from services.applications.catalog import find_certification
from services.applications.intro_course import require_intro_course
from services.applications.lifecycle import move
from services.applications.models import Application
from services.applications.representations import missing_requirements
from services.applications.transitions import EDITABLE, Act, InvalidTransition, Status


def load_application(session: Session, application_id: uuid.UUID, for_update: bool = False) -> Application | None:
    statement = select(Application).where(Application.id == application_id)
    if for_update:
        # Locks the application row only (not the certification joined to it); decisions on one application
        # therefore happen one after the other, and each sees the state the previous one left.
        statement = statement.with_for_update(of=Application).execution_options(populate_existing=True)
    return session.scalars(statement).unique().one_or_none()


def own_application(session: Session, employee_id: uuid.UUID, application_id: uuid.UUID,
                    for_update: bool = False) -> Application:
    """The employee's application; someone else's answers 404 exactly like an unknown one."""
    application = load_application(session, application_id, for_update)
    if application is None or application.employee_id != employee_id:
        raise NotFound("not_found")
    return application


def editable_application(session: Session, employee_id: uuid.UUID, application_id: uuid.UUID) -> Application:
    application = own_application(session, employee_id, application_id, for_update=True)
    if application.status not in EDITABLE:
        raise Conflict("not_editable")
    return application


def employee_applications(session: Session, employee_id: uuid.UUID) -> list[Application]:
    """Newest first; refused and approved ones stay as history."""
    return list(session.scalars(select(Application).where(Application.employee_id == employee_id)
                                .order_by(Application.created_at.desc())).unique())


def open_application(session: Session, employee_id: uuid.UUID, certification_code: Any) -> Application:
    certification = find_certification(session, certification_code)
    if certification is None:
        raise Invalid("unknown_certification", {"certification_code": "unknown"})
    require_intro_course(session, employee_id)
    history = employee_applications(session, employee_id)
    if any(application.status == Status.APPROVED for application in history):
        raise Conflict("already_approved")
    now, application_id = utcnow(), uuid.uuid4()
    # The partial unique index refuses a second open application, even from a request racing this one.
    created = insert_ignoring_conflicts(session, Application, {
        "id": application_id, "employee_id": employee_id, "certification_code": certification.code,
        "status": Status.DRAFT, "created_at": now, "updated_at": now})
    if not created:
        raise Conflict("open_application_exists")
    return load_application(session, application_id)


def submit_application(session: Session, employee_id: uuid.UUID, application_id: uuid.UUID) -> Application:
    application = own_application(session, employee_id, application_id, for_update=True)
    require_intro_course(session, employee_id)
    missing = missing_requirements(application)
    if application.status in EDITABLE and missing:
        raise Invalid("documents_missing", {code: "missing" for code in missing})
    try:
        move(session, application, Act.SUBMIT, utcnow())
    except InvalidTransition:
        raise Conflict("invalid_transition") from None
    return application
