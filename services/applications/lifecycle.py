"""Moving an application from one state to the next: the state, its dates, who decided, and the event, together."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy.orm import Session

from common.events import new_event
from common.events.schemas import ApplicationApproved, ApplicationChange, ApplicationRefused
from common.outbox import record_event
from services.applications.catalog import certification_data
from services.applications.models import Application, Decision, Outbox
from services.applications.transitions import EVENT_OF_ACT, Act, next_status


@dataclass(frozen=True)
class Reviewer:
    user_id: str
    name: str | None


def move(session: Session, application: Application, act: Act, at: datetime, *, by: Reviewer | None = None,
         reason: str | None = None, message: str | None = None, redeem_by: datetime | None = None) -> None:
    """Apply ``act`` to an application the caller holds locked; raises InvalidTransition if it may not."""
    application.status = next_status(application.status, act)
    application.updated_at = at
    if act is Act.SUBMIT:
        application.submitted_at = application.submitted_at or at
        application.last_submitted_at = at
    if act in (Act.APPROVE, Act.REFUSE):
        application.decided_at = at
    if act is Act.REFUSE:
        application.reason = reason
    if act is Act.REQUEST_DOCUMENTS:
        application.message = message
    if act is Act.APPROVE:
        application.redeem_by = redeem_by
    if by is not None:
        # Named like the event: "review_started", "approved", "refused", "documents_requested".
        decision = EVENT_OF_ACT[act].split(".", 1)[1]
        application.decisions.append(Decision(decision=decision, by_user_id=by.user_id, by_name=by.name, at=at,
                                              reason=reason, message=message))
    record_event(session, Outbox, new_event(EVENT_OF_ACT[act], _event_data(application, act, at, message)))


def _event_data(application: Application, act: Act, at: datetime, message: str | None) -> BaseModel:
    common = {"application_id": application.id, "employee_id": application.employee_id,
              "certification": certification_data(application.certification)}
    if act is Act.APPROVE:
        return ApplicationApproved(**common, approved_at=at, redeem_by=application.redeem_by)
    if act is Act.REFUSE:
        return ApplicationRefused(**common, refused_at=at, reason=application.reason)
    return ApplicationChange(**common, at=at, message=message if act is Act.REQUEST_DOCUMENTS else None)
