"""Faults on the real processes: nothing lost, nothing doubled."""
from __future__ import annotations

import subprocess
import time
import uuid

import pytest
from kombu import Connection, Exchange, Queue
from sqlalchemy import func, select

from common.db import Database
from common.events import new_event
from common.messaging import EventPublisher
from services.licenses.models import License, Outbox
from tests.handler_runs import all_runs_finished
from tests.integration.licenses.test_issuing import ISSUING_TASK, paid_order
from tests.waiting import wait_for


@pytest.fixture
def db(licenses_runtime) -> Database:
    return licenses_runtime.db


def issued_counts(db: Database, order_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    with db.reading() as session:
        rows = session.execute(select(License.order_id, func.count()).where(License.order_id.in_(order_ids))
                               .group_by(License.order_id)).all()
    return {order_id: 0 for order_id in order_ids} | dict(rows)


def test_a_worker_killed_while_issuing_leaves_every_paid_order_with_exactly_its_codes(stack, processes, db):
    processes.ensure("licenses-worker")
    orders = [paid_order(100) for _ in range(40)]
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], stack.env().get("WSCC_EVENTS_EXCHANGE", "wscc.events"))
    for order in orders:
        publisher.publish(new_event("order.paid", order).as_message())
    ids = [order.order_id for order in orders]
    started = wait_for(lambda: any(issued_counts(db, ids).values()), timeout=20, interval=0.01)
    assert started, "issuing never started"
    processes.kill("licenses-worker")  # SIGKILL to the worker and its pool, mid-run
    assert sum(issued_counts(db, ids).values()) < 40 * 100, "killed too late to prove anything"
    log_before_restart = len(processes.log("licenses-worker"))
    processes.ensure("licenses-worker")
    assert wait_for(lambda: all(count == 100 for count in issued_counts(db, ids).values()), timeout=60)
    # The redelivered events, each handled by the restarted worker, must add nothing once they have all run.
    assert wait_for(lambda: all_runs_finished(processes.log("licenses-worker")[log_before_restart:], ISSUING_TASK), timeout=30)
    assert set(issued_counts(db, ids).values()) == {100}


@pytest.mark.serial
def test_an_event_committed_while_rabbitmq_is_down_is_published_after_it_restarts(stack, processes, db):
    exchange = Exchange("wscc.events", type="topic", durable=True)
    listener = Queue(f"test.listener.{uuid.uuid4().hex[:8]}", exchange=exchange, routing_key="licenses.issued",
                     durable=True)
    with Connection(stack.env()["WSCC_BROKER_URL"]) as connection:
        listener(connection.default_channel).declare()
    order = paid_order(5)
    try:
        subprocess.run(["rabbitmqctl", "-q", "stop_app"], check=True, timeout=60)
        from services.licenses.issuing import issue_licenses
        with db.unit_of_work() as session:  # commits; the publish right after fails
            issue_licenses(session, order, cause="test")
        with db.reading() as session:
            unsent = session.scalar(select(func.count()).select_from(Outbox).where(Outbox.published_at.is_(None)))
        assert unsent >= 1
    finally:
        subprocess.run(["rabbitmqctl", "-q", "start_app"], check=True, timeout=120)
        subprocess.run(["rabbitmqctl", "-q", "await_startup"], check=True, timeout=120)
    processes.ensure("licenses-worker", "scheduler")
    received = []
    with Connection(stack.env()["WSCC_BROKER_URL"]) as connection:
        queue = listener(connection.default_channel)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not received:
            message = queue.get(no_ack=True)
            if message and message.payload["data"]["order_id"] == str(order.order_id):
                received.append(message.payload)
            time.sleep(0.2)
        queue.delete()
    assert received and received[0]["type"] == "licenses.issued"
