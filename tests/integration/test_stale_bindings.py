"""A binding an earlier release made (a service that no longer consumes an event type) is dropped when the
service's worker starts, on the real RabbitMQ: the event stops reaching the queue, and nothing else changes."""
from __future__ import annotations

import uuid

from kombu import Connection, Queue

from common.clock import utcnow
from common.events import new_event
from common.events.catalog import consumed_by
from common.messaging import EventPublisher, drop_stale_bindings, events_exchange

EXCHANGE = "wscc.events"


def redeemed():
    return new_event("license.redeemed", {
        "license_id": str(uuid.uuid4()), "company_id": str(uuid.uuid4()), "employee_id": str(uuid.uuid4()),
        "at": utcnow().isoformat(),
        "certification": {"code": "supervisor_1_surface", "name_en": "Supervisor", "name_fr": "Surveillant"}})


def test_a_binding_the_catalogue_no_longer_has_is_dropped(stack):
    # A service of the past, gone from the catalogue's consumers: every binding of its queue is stale.
    service = f"retired{uuid.uuid4().hex[:6]}"
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], EXCHANGE)
    with Connection(stack.env()["WSCC_BROKER_URL"]) as connection:
        channel = connection.channel()
        queue = Queue(f"{service}.events", exchange=events_exchange(EXCHANGE), routing_key="license.redeemed",
                      auto_delete=False)(channel)
        queue.declare()
        try:
            publisher.publish(redeemed().as_message())  # confirmed: routed and queued before it returns
            assert queue.get(no_ack=True) is not None, "the old binding delivers"

            dropped = drop_stale_bindings(channel, EXCHANGE, service)
            assert "license.redeemed" in dropped
            publisher.publish(redeemed().as_message())
            assert queue.get(no_ack=True) is None
        finally:
            queue.delete()
            publisher.close()


def test_what_a_service_consumes_is_never_dropped(stack):
    with Connection(stack.env()["WSCC_BROKER_URL"]) as connection:
        dropped = drop_stale_bindings(connection.channel(), EXCHANGE, "applications")
    assert "license.redeemed" in dropped  # the courses service took it over
    assert set(dropped).isdisjoint(consumed_by("applications")) and consumed_by("applications")
