"""The notifications worker's own tasks: send one e-mail, and restart e-mails whose task was lost."""
from __future__ import annotations

import uuid
from typing import Any

from celery import Celery

from common.clock import parse_instant
from services.notifications.queueing import SEND_EMAIL_TASK
from services.notifications.sending import restart_stalled, send_notification

SEND_PENDING_TASK = "notifications.send_pending"


def register_sending_tasks(app: Celery) -> None:
    """The tasks use the app's runtime (``create_celery(..., open_runtime)``)."""
    # No Celery retry limit: the notification row counts attempts and gives up (email_max_attempts).
    @app.task(name=SEND_EMAIL_TASK, bind=True, max_retries=None)
    def send_email(self: Any, notification_id: str) -> str:
        """Render and send one notification, retrying temporary SMTP failures with exponential backoff."""
        outcome = send_notification(app.runtime(), uuid.UUID(notification_id))
        if outcome.retry_in is not None:
            raise self.retry(countdown=outcome.retry_in)
        return outcome.status

    @app.task(name=SEND_PENDING_TASK)
    def send_pending(now: str | None = None) -> int:
        """Restart pending e-mails whose send task was lost (worker died after the commit, broker down)."""
        return restart_stalled(app.runtime(), parse_instant(now))
