"""When SMTP says no, or is not there, or a send task is lost: the e-mail still goes out exactly once, or is
recorded as failed for good."""
from __future__ import annotations

import uuid
from datetime import timedelta

from common.clock import utcnow
from common.db import Database
from services.notifications.models import NotificationStatus
from services.notifications.queueing import Recipient, queue_email
from tests.integration.notifications.support import (
    notifications_to, nothing_pending, reset_request, unique_email, wait_until)


def quiet(db: Database) -> None:
    """Armed faults must meet this test's e-mail only, not another test's retry."""
    wait_until(lambda: nothing_pending(db), what="no e-mail still pending")


def only_notification(db: Database, email: str, status: NotificationStatus):
    return wait_until(lambda: [n for n in notifications_to(db, email) if n.status == status],
                      what=f"a {status} e-mail")[0]


def test_temporary_refusals_are_retried_with_backoff_and_the_email_arrives_once(mail, publish, db):
    request = reset_request(unique_email("retried"))
    mail.arm_faults(temporary_failures=2, recipient=str(request.email))
    publish("user.password_reset_requested", request)

    [message] = mail.wait_for(str(request.email), 1)
    assert message["subject"] == "Reset your password"
    notification = only_notification(db, str(request.email), NotificationStatus.SENT)
    assert notification.attempts == 3
    assert "451" in notification.last_error
    assert len(mail.messages(str(request.email))) == 1


def test_a_permanent_refusal_is_recorded_and_never_retried(mail, publish, db):
    request = reset_request(unique_email("refused"))
    mail.arm_faults(permanent_failures=1, recipient=str(request.email))
    publish("user.password_reset_requested", request)

    notification = only_notification(db, str(request.email), NotificationStatus.FAILED)
    assert notification.attempts == 1 and notification.failed_at and notification.sent_at is None
    assert "550" in notification.last_error
    assert mail.messages(str(request.email)) == []


def test_an_smtp_server_that_is_down_is_waited_for(mail, publish, processes, db):
    quiet(db)
    processes.stop("smtp-sink")
    try:
        request = reset_request(unique_email("patient"))
        publish("user.password_reset_requested", request)
        wait_until(lambda: [n for n in notifications_to(db, str(request.email))
                            if n.attempts >= 2 and "ConnectionRefused" in (n.last_error or "")],
                   what="two refused connections")
    finally:
        processes.ensure("smtp-sink")
    assert len(mail.wait_for(str(request.email), 1)) == 1
    notification = only_notification(db, str(request.email), NotificationStatus.SENT)
    assert notification.attempts >= 3


def test_the_sweep_sends_an_email_whose_send_task_was_lost(mail, db, settings):
    from services.notifications.worker import app  # built from this test stack's settings

    email = unique_email("orphan")
    # Committed without running the after-commit hooks: as if the worker died right after the commit.
    with db.sessions() as session, session.begin():
        queue_email(session, key=f"test:{email}", template="password_reset",
                    recipient=Recipient(email=email, name="Sam Okalik", language="fr"),
                    context={"link": {"purpose": "password_reset", "id": str(uuid.uuid4())},
                             "expires_in_minutes": 30})
    past_the_stall_limit = timedelta(seconds=settings.email_stalled_after_seconds + 1)
    app.send_task("notifications.send_pending", kwargs={"now": (utcnow() + past_the_stall_limit).isoformat()})

    [message] = mail.wait_for(email, 1)
    assert message["subject"] == "Réinitialisation de votre mot de passe"
    assert only_notification(db, email, NotificationStatus.SENT).attempts == 1
