"""The company's account and order e-mails. One small function per e-mail: it picks the recipient, the key that
makes it unique, and the template's context (employee_emails.py and employer_emails.py do the same for the rest).

The context is stored with the notification as plain JSON (amounts as strings, times as ISO text, portal pages as
paths): rendering happens later, in the recipient's language, and the row keeps exactly what was said.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common.events.schemas import LicensesIssued, OrderPaid
from services.notifications.models import CompanyContact
from services.notifications.queueing import queue_email
from services.notifications.recipients import LICENSES_PAGE, representative


def queue_profile_created(session: Session, contact: CompanyContact, event_id: uuid.UUID) -> bool:
    return queue_email(session, key=f"profile_created:{contact.company_id}", template="profile_created",
                       recipient=representative(contact), event_id=event_id,
                       context={"legal_name": contact.legal_name, "portal_url": "/"})


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
                           "receipt_url": f"/orders/{order.order_id}/receipt",
                       })


def queue_codes_ready(session: Session, contact: CompanyContact, issued: LicensesIssued, event_id: uuid.UUID) -> bool:
    # Only a link: codes are bearer credentials and never travel by e-mail.
    return queue_email(session, key=f"codes_ready:{issued.order_id}", template="codes_ready",
                       recipient=representative(contact), event_id=event_id, context={
                           "order_number": issued.order_number,
                           "quantity": issued.quantity,
                           "licenses_url": LICENSES_PAGE,
                       })
