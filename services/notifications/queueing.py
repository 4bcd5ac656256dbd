"""Deciding to send an e-mail: a notification row in the caller's unit of work, its send task once committed."""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import after_commit, insert_ignoring_conflicts
from services.notifications.models import Notification, NotificationStatus

log = logging.getLogger(__name__)
SEND_EMAIL_TASK = "notifications.send_email"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str


def queue_email(session: Session, *, key: str, template: str, recipient: Recipient, context: dict[str, Any],
                event_id: uuid.UUID | None = None) -> bool:
    """Record the e-mail unless one with this key exists; True if it was recorded now."""
    now = utcnow()
    notification_id = uuid.uuid4()
    inserted = insert_ignoring_conflicts(session, Notification, {
        "id": notification_id, "key": key, "template": template, "recipient_email": recipient.email,
        "recipient_name": recipient.name, "language": recipient.language, "context": context,
        "event_id": event_id, "status": NotificationStatus.PENDING, "attempts": 0, "created_at": now,
        "next_attempt_at": now,
    })
    if not inserted:
        log.info("e-mail already queued", extra={"key": key})
        return False
    log.info("e-mail queued", extra={"key": key, "notification_id": str(notification_id), "template": template})
    after_commit(session, partial(start_sending, notification_id))
    return True


def start_sending(notification_id: uuid.UUID) -> None:
    """Start the send task; if the broker cannot take it now, the pending-mail sweep starts it later."""
    # Imported here: the worker module builds the Celery app from the handlers, which end up calling this.
    from services.notifications.worker import app
    try:
        app.send_task(SEND_EMAIL_TASK, args=[str(notification_id)])
    except Exception:  # the row is committed and pending: the sweep will pick it up
        log.warning("send task not started; left to the sweep", exc_info=True,
                    extra={"notification_id": str(notification_id)})
