"""Helpers for the notifications tests: the SMTP sink's API, events as the producers send them, the send log."""
from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import TypeVar

import requests
from sqlalchemy import select

from common.db import Database
from common.events.schemas import AccountLinkRequested, CompanyProfile, EmployeeProfile, LicensesIssued, OrderPaid
from services.notifications.models import Notification, NotificationStatus

T = TypeVar("T")
# The no-break spaces of French typography and of Babel's times ("3:05\u202fp.m."), compared as plain spaces.
NBSP = re.compile("[\u00a0\u202f]")
# A license code as licenses writes it, with or without its dashes: never to be seen in an e-mail.
CODE_SHAPED = re.compile(r"[0-9A-HJKMNP-TV-Z]{5}(?:-?[0-9A-HJKMNP-TV-Z]{5}){3}")


def wait_until(probe: Callable[[], T], timeout: float = 30, what: str = "condition") -> T:
    """Poll ``probe`` until it returns something truthy; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not (result := probe()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
    return result


class Sink:
    """The SMTP sink's JSON API (tools/smtp_sink/README.md)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def messages(self, to: str) -> list[dict]:
        response = requests.get(f"{self.url}/api/messages", params={"to": to}, timeout=5)
        response.raise_for_status()
        return response.json()["messages"]

    def detail(self, message: dict) -> dict:
        response = requests.get(f"{self.url}/api/messages/{message['id']}", timeout=5)
        response.raise_for_status()
        return response.json()

    def wait_for(self, to: str, count: int, timeout: float = 30) -> list[dict]:
        """The full messages once ``count`` have arrived for ``to``."""
        arrived = wait_until(lambda: len(found := self.messages(to)) >= count and found, timeout,
                             f"{count} e-mail(s) to {to}")
        return [self.detail(message) for message in arrived]

    def arm_faults(self, **plan: int | str) -> None:
        requests.post(f"{self.url}/api/faults", json=plan, timeout=5).raise_for_status()

    def disarm(self) -> None:
        requests.delete(f"{self.url}/api/faults", timeout=5).raise_for_status()


def unique_email(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}@example.org"


def company(language: str = "fr", **changes) -> CompanyProfile:
    values = dict(company_id=uuid.uuid4(), legal_name="Mines du Grand Nord ltée", representative_user_id=uuid.uuid4(),
                  representative_name="Élodie Tremblay", email=unique_email("rep"), phone="867-555-0100",
                  mailing_address="4910 50th Ave, Yellowknife NT X1A 2P4", language=language)
    return CompanyProfile(**(values | changes))


def paid_order(company_id: uuid.UUID, quantity: int = 7) -> OrderPaid:
    return OrderPaid(order_id=uuid.uuid4(), order_number=f"WSCC-{uuid.uuid4().hex[:8].upper()}",
                     company_id=company_id, quantity=quantity, unit_price=Decimal("50.00"),
                     total=Decimal("50.00") * quantity, currency="CAD", paypal_order_id="5O190127TN364715T",
                     paypal_capture_id=f"CAP{uuid.uuid4().hex[:14].upper()}", paid_at=datetime.now(UTC))


def issued(order: OrderPaid) -> LicensesIssued:
    return LicensesIssued(order_id=order.order_id, order_number=order.order_number, company_id=order.company_id,
                          quantity=order.quantity)


def reset_request(email: str, language: str = "en") -> AccountLinkRequested:
    return AccountLinkRequested(user_id=uuid.uuid4(), link_id=uuid.uuid4(), email=email, name="Sam Okalik",
                                language=language, expires_in_minutes=60)


def notifications_to(db: Database, email: str) -> list[Notification]:
    with db.reading() as session:
        return list(session.scalars(select(Notification).where(Notification.recipient_email == email)
                                    .order_by(Notification.created_at)))


def nothing_pending(db: Database) -> bool:
    with db.reading() as session:
        return session.scalar(select(Notification.id).where(
            Notification.status == NotificationStatus.PENDING).limit(1)) is None


def plain(text: str) -> str:
    return NBSP.sub(" ", text)


def subjects(messages: list[dict]) -> dict[str, dict]:
    """By subject, with French no-break spaces as plain ones."""
    found = {plain(message["subject"]): message for message in messages}
    assert len(found) == len(messages), [m["subject"] for m in messages]  # one e-mail per subject
    return found


def registered(mail: Sink, publish: Callable[..., object], firm: CompanyProfile, *people: EmployeeProfile) -> None:
    """The company and its employees known before the events about them arrive: their welcome e-mails are out."""
    publish("company.registered", firm)
    for person in people:
        publish("employee.registered", person)
    mail.wait_for(str(firm.email), 1)
    for person in people:
        mail.wait_for(str(person.email), 1)


def all_sent(db: Database, address: str, count: int) -> None:
    """Exactly ``count`` e-mails recorded for ``address``, each sent."""
    wait_until(lambda: len(rows := notifications_to(db, address)) == count
               and all(row.status == NotificationStatus.SENT for row in rows),
               what=f"{count} e-mails sent to {address}")
