"""Sending a notification, never twice: lock its row, skip it if done, render, deliver, record the outcome.

The row stays locked while the SMTP server is talked to, so a concurrent task for the same row (a duplicate, or
one started by the sweep) skips it instead of sending it again; the outcome is committed with the lock released.
"""
from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from functools import partial

from jinja2 import TemplateError
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import after_commit
from common.runtime import ServiceRuntime
from common.text_input import single_line
from services.notifications.account_emails import with_links
from services.notifications.models import Notification, NotificationStatus
from services.notifications.queueing import start_sending
from services.notifications.recipients import with_portal_addresses
from services.notifications.rendering import render_email
from services.notifications.settings import Settings
from services.notifications.smtp import DeliveryFailure, build_message, deliver

log = logging.getLogger(__name__)
ERROR_MAX = 500


@dataclass(frozen=True)
class SendOutcome:
    status: str  # "sent", "failed", "retry" (try again in retry_in seconds) or "skipped"
    retry_in: float | None = None


def send_notification(runtime: ServiceRuntime[Settings], notification_id: uuid.UUID) -> SendOutcome:
    """One attempt. A missing .mo (MissingCatalog) is raised as is: the row stays pending for after the fix."""
    with runtime.db.unit_of_work() as session:
        notification = session.scalar(select(Notification).where(Notification.id == notification_id)
                                      .with_for_update(skip_locked=True))
        if notification is None:
            # Locked: another task is sending it and will record the outcome (or it never existed).
            log.info("e-mail skipped: in progress elsewhere or unknown", extra=_about(notification_id))
            return SendOutcome("skipped")
        if notification.status != NotificationStatus.PENDING:
            log.info("e-mail skipped: already " + notification.status, extra=_about(notification_id))
            return SendOutcome("skipped")
        return _attempt(notification, runtime.settings)


def _attempt(notification: Notification, settings: Settings) -> SendOutcome:
    notification.attempts += 1
    try:
        context = with_links(with_portal_addresses(notification.context, settings.public_url), settings)
        email = render_email(notification.template, notification.language, context,
                             recipient_name=notification.recipient_name, contact_email=settings.contact_email,
                             display_timezone=settings.display_timezone)
        # Only one line goes into the header, whatever an older profile left in the name: the e-mail still goes.
        recipient = Address(single_line(notification.recipient_name), addr_spec=notification.recipient_email)
        message = build_message(notification.id, recipient, email, settings)
    except (TemplateError, ValueError, TypeError, KeyError) as error:
        # The same data would fail the same way on every try: record it for an operator instead of retrying.
        return _give_up(notification, f"could not build the e-mail: {type(error).__name__}: {error}")
    try:
        deliver(message, settings)
    except DeliveryFailure as failure:
        if failure.permanent:
            return _give_up(notification, str(failure))
        if notification.attempts >= settings.email_max_attempts:
            return _give_up(notification, f"gave up after {notification.attempts} attempts: {failure}")
        return _retry_later(notification, str(failure), settings)
    notification.status = NotificationStatus.SENT
    notification.sent_at = utcnow()
    log.info("e-mail sent", extra=_about(notification.id, notification))
    return SendOutcome("sent")


def _give_up(notification: Notification, reason: str) -> SendOutcome:
    notification.status = NotificationStatus.FAILED
    notification.failed_at = utcnow()
    notification.last_error = reason[:ERROR_MAX]
    log.error("e-mail failed for good", extra=_about(notification.id, notification) | {"reason": reason})
    return SendOutcome("failed")


def _retry_later(notification: Notification, reason: str, settings: Settings) -> SendOutcome:
    delay = retry_delay(notification.attempts, settings)
    notification.last_error = reason[:ERROR_MAX]
    notification.next_attempt_at = utcnow() + timedelta(seconds=delay)
    log.warning("e-mail not sent yet, will retry", extra=_about(notification.id, notification)
                | {"reason": reason, "retry_in": round(delay, 1)})
    return SendOutcome("retry", delay)


def retry_delay(attempts: int, settings: Settings) -> float:
    """Exponential, capped, and jittered so that mail held up by one outage does not all return at once."""
    ceiling = min(settings.email_retry_max_seconds, settings.email_retry_base_seconds * 2 ** (attempts - 1))
    return ceiling * random.uniform(0.5, 1.0)


def restart_stalled(runtime: ServiceRuntime[Settings], now: datetime | None = None) -> int:
    """Start a send task again for pending e-mails long past their next try (their task was lost); returns how many.

    Works in bounded batches of rows claimed with SKIP LOCKED, so a row being sent right now is left alone and two
    sweeps at once share the work. A restarted row's next try is now, so it is not restarted again for a while.
    """
    settings = runtime.settings
    now = now or utcnow()
    cutoff = now - timedelta(seconds=settings.email_stalled_after_seconds)
    restarted = 0
    while True:
        with runtime.db.unit_of_work() as session:
            count = _restart_batch(session, cutoff, now, settings.email_batch_size)
        restarted += count
        if count < settings.email_batch_size:
            break
    if restarted:
        log.warning("stalled e-mails restarted", extra={"count": restarted})
    return restarted


def _restart_batch(session: Session, cutoff: datetime, now: datetime, batch_size: int) -> int:
    stalled = session.scalars(
        select(Notification)
        .where(Notification.status == NotificationStatus.PENDING, Notification.next_attempt_at <= cutoff)
        .order_by(Notification.next_attempt_at).limit(batch_size)
        .with_for_update(skip_locked=True)
    ).all()
    for notification in stalled:
        notification.next_attempt_at = now
        after_commit(session, partial(start_sending, notification.id))
    return len(stalled)


def _about(notification_id: uuid.UUID, notification: Notification | None = None) -> dict:
    extra = {"notification_id": str(notification_id)}
    if notification is not None:
        # The address stays in the notifications table (the send log), out of the shared logs.
        extra |= {"template": notification.template, "attempts": notification.attempts, "key": notification.key}
    return extra
