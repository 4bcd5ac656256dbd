"""The WSCC reviewers' side: the queue and the decisions on an application."""
from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.refusals import Conflict, Invalid, NotFound
from services.applications.applying import load_application
from services.applications.lifecycle import Reviewer, move
from services.applications.models import Application
from services.applications.settings import Settings
from services.applications.transitions import IN_REVIEW_QUEUE, Act, InvalidTransition

TEXT_MAX = 2000
# What a decision must carry, and the error code when it is missing.
REQUIRED_TEXT = {Act.REFUSE: ("reason", "reason_required"), Act.REQUEST_DOCUMENTS: ("message", "message_required")}


def review_queue(session: Session, certification_code: str | None, limit: int) -> list[Application]:
    """Applications waiting on WSCC or on more documents, oldest first submission first."""
    statement = select(Application).where(Application.status.in_(IN_REVIEW_QUEUE))
    if certification_code:
        statement = statement.where(Application.certification_code == certification_code)
    statement = statement.order_by(Application.submitted_at, Application.id).limit(limit)
    return list(session.scalars(statement).unique())


def staff_application(session: Session, application_id: uuid.UUID, for_update: bool = False) -> Application:
    application = load_application(session, application_id, for_update)
    if application is None:
        raise NotFound("not_found")
    return application


def decide(session: Session, settings: Settings, application_id: uuid.UUID, act: Act, reviewer: Reviewer,
           payload: dict[str, Any]) -> Application:
    """Start a review, approve, refuse or ask for documents; of two decisions racing, the second finds the first's
    result under the row lock and is refused as an invalid transition."""
    text = _required_text(act, payload)
    application = staff_application(session, application_id, for_update=True)
    now = utcnow()
    redeem_by = now + timedelta(days=settings.redemption_window_days) if act is Act.APPROVE else None
    try:
        move(session, application, act, now, by=reviewer, redeem_by=redeem_by,
             reason=text if act is Act.REFUSE else None, message=text if act is Act.REQUEST_DOCUMENTS else None)
    except InvalidTransition as error:
        raise Conflict("invalid_transition", {"status": error.current}) from None
    return application


def _required_text(act: Act, payload: dict[str, Any]) -> str | None:
    if act not in REQUIRED_TEXT:
        return None
    field, code = REQUIRED_TEXT[act]
    value = payload.get(field)
    value = value.strip() if isinstance(value, str) else ""
    if not value:
        raise Invalid(code, {field: "required"})
    if len(value) > TEXT_MAX:
        raise Invalid(f"invalid_{field}", {field: "too_long"})
    return value


def reviewer_from(user_id: str, payload: dict[str, Any]) -> Reviewer:
    """The token names the reviewer's id; the front door sends their display name in the body."""
    name = payload.get("reviewer_name")
    name = " ".join(name.split())[:200] if isinstance(name, str) and name.strip() else None
    return Reviewer(user_id=user_id, name=name)
