"""What the licenses tests stand on: the internal API as the front door calls it, codes issued, events delivered
on the real broker, and reads of the licenses database."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import requests
from sqlalchemy import func, select, update

from common.db import Database
from common.events import Event, new_event
from common.events.schemas import (ApplicationApproved, ApplicationChange, ApplicationRefused, Certification,
                                   EmployeeProfile, OrderPaid)
from common.messaging import EventPublisher
from common.tokens import Actor, issue_token
from services.licenses.issuing import issue_licenses
from services.licenses.models import Inbox, License, LicenseHistory, LicenseStatus, Outbox
from tests.waiting import wait_for  # noqa: F401 - the tests of this folder import it from here

CERTIFICATION = Certification(code="shift_boss_underground", name_en="Shift Boss – Underground",
                              name_fr="Chef de quart – Souterrain")


class LicensesApi:
    """The licenses internal API, called with a token naming one user, as the front door does."""

    def __init__(self, base_url: str, secret: str, actor: Actor):
        self.base_url, self.secret, self.actor = base_url, secret, actor
        self.http = requests.Session()

    def as_actor(self, role: str, user_id: uuid.UUID | None = None, company_id: uuid.UUID | None = None):
        actor = Actor(user_id=str(user_id or uuid.uuid4()), role=role,
                      company_id=str(company_id) if company_id else None)
        return LicensesApi(self.base_url, self.secret, actor)

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> requests.Response:
        token = issue_token(self.secret, self.actor)
        return self.http.request(method, self.base_url + path, json=body, params=params or None, timeout=30,
                                 headers={"Authorization": f"Bearer {token}"})

    def claim(self, code: str, address: str | None = None) -> requests.Response:
        return self.call("POST", "/internal/licenses/claim", {"code": code, "client_address": address})

    def redeem(self) -> requests.Response:
        return self.call("POST", "/internal/licenses/mine/redeem")


def paid_order(company_id: uuid.UUID, quantity: int) -> OrderPaid:
    return OrderPaid(order_id=uuid.uuid4(), order_number=f"WSCC-{uuid.uuid4().hex[:8].upper()}",
                     company_id=company_id, quantity=quantity, unit_price=Decimal("50.00"),
                     total=Decimal("50.00") * quantity, currency="CAD", paypal_order_id="5O190127TN364715T",
                     paypal_capture_id="3C679366HH908993F", paid_at=datetime.now(UTC))


def issued_codes(db: Database, company_id: uuid.UUID, quantity: int = 5) -> list[License]:
    """A paid order's codes, issued by the service's own issuing function."""
    order = paid_order(company_id, quantity)
    with db.unit_of_work() as session:
        issue_licenses(session, order, cause="test")
    with db.reading() as session:
        return list(session.scalars(select(License).where(License.order_id == order.order_id)
                                    .order_by(License.ordinal)))


def make_eligible_directly(db: Database, license_id: uuid.UUID, employee_id: uuid.UUID, redeem_by: datetime) -> None:
    """Test set-up only: put a license in the eligible state without the journey that leads there."""
    with db.unit_of_work() as session:
        session.execute(update(License).where(License.id == license_id).values(
            status=LicenseStatus.ELIGIBLE, employee_id=employee_id, claimed_at=redeem_by - timedelta(days=95),
            application_id=uuid.uuid4(), certification=CERTIFICATION.model_dump(),
            approved_at=redeem_by - timedelta(days=90), redeem_by=redeem_by))


def license_row(db: Database, license_id: uuid.UUID | str) -> License:
    with db.reading() as session:
        return session.get(License, uuid.UUID(str(license_id)))


def history_of(db: Database, license_id: uuid.UUID | str) -> list[LicenseHistory]:
    with db.reading() as session:
        return list(session.scalars(select(LicenseHistory).where(
            LicenseHistory.license_id == uuid.UUID(str(license_id))).order_by(LicenseHistory.id)))


def events_about(db: Database, license_ids: list, event_type: str | None = None) -> list[dict]:
    """The events the service wrote (its outbox) about these licenses."""
    wanted = {str(license_id) for license_id in license_ids}
    with db.reading() as session:
        query = select(Outbox.message).where(Outbox.event_type.like("license.%"))
        if event_type:
            query = query.where(Outbox.event_type == event_type)
        messages = session.scalars(query.order_by(Outbox.created_at)).all()
    return [message for message in messages if message["data"]["license_id"] in wanted]


def count_outbox(db: Database, event_type: str) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Outbox).where(Outbox.event_type == event_type))


def handled(db: Database, *events: Event) -> bool:
    """Whether the licenses worker has handled (committed) these events: its inbox says so."""
    with db.reading() as session:
        seen = set(session.scalars(select(Inbox.event_id).where(Inbox.event_id.in_([e.id for e in events]))))
    return seen == {event.id for event in events}


class Events:
    """Other services' events, published on the run's broker exactly as their producers would."""

    def __init__(self, broker_url: str):
        self.publisher = EventPublisher(broker_url, "wscc.events")

    def publish(self, event: Event, times: int = 1) -> Event:
        for _ in range(times):
            self.publisher.publish(event.as_message())
        return event

    def close(self) -> None:
        self.publisher.close()


def registered(employee_id: uuid.UUID, name: str = "Jonas Kilabuk", occurred_at: datetime | None = None) -> Event:
    return new_event("employee.registered", EmployeeProfile(
        employee_id=employee_id, name=name, email="jonas@example.com", phone="867-555-0100", language="en"),
        occurred_at=occurred_at)


def application_change(event_type: str, employee_id: uuid.UUID, at: datetime) -> Event:
    return new_event(event_type, ApplicationChange(application_id=uuid.uuid4(), employee_id=employee_id,
                                                   certification=CERTIFICATION, at=at))


def approval(employee_id: uuid.UUID, approved_at: datetime | None = None,
             application_id: uuid.UUID | None = None) -> Event:
    approved_at = approved_at or datetime.now(UTC)
    return new_event("application.approved", ApplicationApproved(
        application_id=application_id or uuid.uuid4(), employee_id=employee_id, certification=CERTIFICATION,
        approved_at=approved_at, redeem_by=approved_at + timedelta(days=90)))


def refusal(employee_id: uuid.UUID, refused_at: datetime | None = None) -> Event:
    return new_event("application.refused", ApplicationRefused(
        application_id=uuid.uuid4(), employee_id=employee_id, certification=CERTIFICATION,
        refused_at=refused_at or datetime.now(UTC), reason="Proof of mining experience is missing."))


def an_address() -> str:
    """A client address no other test uses (the throttle counts per address for the whole run)."""
    return f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
