"""order.paid, published on the real broker, becomes exactly `quantity` codes in the real licenses database."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select

from common.db import Database
from common.events import new_event
from common.events.schemas import OrderPaid
from common.messaging import EventPublisher
from services.licenses.models import License, LicenseHistory
from tests.handler_runs import all_runs_finished
from tests.waiting import wait_for


def paid_order(quantity: int) -> OrderPaid:
    return OrderPaid(order_id=uuid.uuid4(), order_number=f"WSCC-{uuid.uuid4().hex[:8].upper()}",
                     company_id=uuid.uuid4(), quantity=quantity, unit_price=Decimal("50.00"),
                     total=Decimal("50.00") * quantity, currency="CAD", paypal_order_id="5O190127TN364715T",
                     paypal_capture_id="3C679366HH908993F", paid_at=datetime.now(UTC))


def codes_of(db: Database, order_id: uuid.UUID) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(License).where(License.order_id == order_id))


def wait_for_codes(db: Database, order_id: uuid.UUID, expected: int, timeout: float = 20) -> int:
    return wait_for(lambda: (count := codes_of(db, order_id)) >= expected and count, timeout) or codes_of(db, order_id)


ISSUING_TASK = "licenses.issue_licenses_for_paid_order"


def test_a_paid_order_delivered_three_times_gets_its_codes_once(stack, processes, db):
    processes.ensure("licenses-worker")
    order = paid_order(7)
    event = new_event("order.paid", order)
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")
    for _ in range(3):
        publisher.publish(event.as_message())
    assert wait_for_codes(db, order.order_id, 7) == 7
    # Each delivery is its own handler run: wait until all three have run; the duplicates must add nothing.
    assert wait_for(lambda: all_runs_finished(processes.log("licenses-worker"), ISSUING_TASK, {str(event.id)}, at_least=3))
    assert codes_of(db, order.order_id) == 7
    with db.reading() as session:
        history = session.scalar(select(func.count()).select_from(LicenseHistory).join(License)
                                 .where(License.order_id == order.order_id))
    assert history == 7


def test_an_unreadable_message_is_dead_lettered_and_the_next_event_still_arrives(stack, processes, db):
    processes.ensure("licenses-worker")
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")
    publisher.publish({"id": str(uuid.uuid4()), "type": "order.paid", "version": 1,
                       "occurred_at": datetime.now(UTC).isoformat(), "data": {"quantity": "lots"}})
    order = paid_order(5)
    publisher.publish(new_event("order.paid", order).as_message())
    assert wait_for_codes(db, order.order_id, 5) == 5
