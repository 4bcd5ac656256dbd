"""The company's account and order e-mails. One small function per e-mail: it picks the recipient, the key that
makes it unique, and the template's context (employee_emails.py and employer_emails.py do the same for the rest).

The context is stored with the notification as plain JSON (amounts as strings, times as ISO text): rendering
happens later, in the recipient's language, and the row keeps exactly what was said.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common.events.schemas import LicensesIssued, LoginAttemptsSuspected, OrderPaid, PasswordResetRequested
from services.notifications.models import CompanyContact
from services.notifications.queueing import Recipient, queue_email
from services.notifications.recipients import LICENSES_PAGE, portal_url, representative


def queue_profile_created(session: Session, contact: CompanyContact, event_id: uuid.UUID) -> bool:
    return queue_email(session, key=f"profile_created:{contact.company_id}", template="profile_created",
                       recipient=representative(contact), event_id=event_id,
                       context={"legal_name": contact.legal_name, "portal_url": portal_url("/")})


def queue_password_reset(session: Session, request: PasswordResetRequested, event_id: uuid.UUID) -> bool:
    # Keyed by the event: each request carries its own link, and a second request deserves its own e-mail.
    return queue_email(session, key=f"password_reset:{event_id}", template="password_reset",
                       recipient=Recipient(email=str(request.email), name=request.name, language=request.language),
                       event_id=event_id,
                       context={"reset_url": request.reset_url, "expires_in_minutes": request.expires_in_minutes})


def queue_login_warning(session: Session, warning: LoginAttemptsSuspected, event_id: uuid.UUID) -> bool:
    # The front door publishes at most one per account and hour; keyed by the event, a redelivery is one e-mail.
    return queue_email(session, key=f"login_attempts_suspected:{event_id}", template="login_attempts_suspected",
                       recipient=Recipient(email=str(warning.email), name=warning.name, language=warning.language),
                       event_id=event_id,
                       context={"failed_attempts": warning.failed_attempts, "window_minutes": warning.window_minutes,
                                "at": warning.at.isoformat(), "reset_url": portal_url("/password/forgot")})


def queue_payment_receipt(session: Session, contact: CompanyContact, order: OrderPaid, event_id: uuid.UUID) -> bool:
    return queue_email(session, key=f"payment_receipt:{order.order_id}", template="payment_receipt",
                       recipient=representative(contact), event_id=event_id, context={
                           "legal_name": contact.legal_name,
                           "order_number": order.order_number,
                           "quantity": order.quantity,
                           "unit_price": str(order.unit_price),
                           "total": str(order.total),
                           "currency": order.currency,
                           "paypal_capture_id": order.paypal_capture_id,
                           "paid_at": order.paid_at.isoformat(),
                           "receipt_url": portal_url(f"/orders/{order.order_id}/receipt"),
                       })


def queue_codes_ready(session: Session, contact: CompanyContact, issued: LicensesIssued, event_id: uuid.UUID) -> bool:
    # Only a link: codes are bearer credentials and never travel by e-mail.
    return queue_email(session, key=f"codes_ready:{issued.order_id}", template="codes_ready",
                       recipient=representative(contact), event_id=event_id, context={
                           "order_number": issued.order_number,
                           "quantity": issued.quantity,
                           "licenses_url": portal_url(LICENSES_PAGE),
                       })
