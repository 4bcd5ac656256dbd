"""RabbitMQ topology and the event publisher.

One durable topic exchange carries every domain event, routed by its type. Each consuming service has a durable
queue ``<service>.events`` bound to the types the catalogue says it consumes, with a dead-letter queue for
messages it cannot read. The topology is declared before anything is published: by the publisher on first use
and by each worker at start, so no event is dropped as unroutable; each worker also drops the bindings of its
queue that an earlier release made and the catalogue no longer has.
"""
from __future__ import annotations

import logging
import os
import threading
from typing import Any

from kombu import Connection, Exchange, Producer, Queue, binding

from common.events.catalog import CATALOG, consumed_by, consumer_services

log = logging.getLogger(__name__)


def events_exchange(name: str) -> Exchange:
    return Exchange(name, type="topic", durable=True)


def dead_letter_queue(service: str) -> Queue:
    return Queue(f"{service}.events.dead", exchange=Exchange(""), routing_key=f"{service}.events.dead", durable=True)


def events_queue(exchange_name: str, service: str) -> Queue:
    exchange = events_exchange(exchange_name)
    return Queue(
        f"{service}.events",
        bindings=[binding(exchange, routing_key=event_type) for event_type in consumed_by(service)],
        durable=True,
        queue_arguments={"x-dead-letter-exchange": "", "x-dead-letter-routing-key": f"{service}.events.dead"},
    )


def declare_topology(channel: Any, exchange_name: str) -> None:
    """Declare the exchange, every service's events queue with its bindings, and their dead-letter queues."""
    events_exchange(exchange_name)(channel).declare()
    for service in consumer_services():
        dead_letter_queue(service)(channel).declare()
        events_queue(exchange_name, service)(channel).declare()


def drop_stale_bindings(channel: Any, exchange_name: str, service: str) -> list[str]:
    """Unbind ``<service>.events`` from every event type of the catalogue it no longer consumes: a binding made by an
    earlier release stays in RabbitMQ otherwise, and would keep delivering events nobody handles (applications
    consumed license.redeemed before the courses service took it). Unbinding what is not bound changes nothing."""
    exchange = events_exchange(exchange_name)
    queue = events_queue(exchange_name, service)(channel)
    stale = sorted(set(CATALOG) - set(consumed_by(service)))
    for event_type in stale:
        queue.unbind_from(exchange, routing_key=event_type)
    return stale


class EventPublisher:
    """Publishes event messages with publisher confirms; one connection per process, opened on first use."""

    def __init__(self, broker_url: str, exchange_name: str) -> None:
        self.broker_url = broker_url
        self.exchange = events_exchange(exchange_name)
        self._lock = threading.Lock()
        self._connection: Connection | None = None
        self._producer: Producer | None = None
        self._pid: int | None = None

    def _ready_producer(self) -> Producer:
        if self._producer is None or self._pid != os.getpid():
            connection = Connection(self.broker_url, transport_options={"confirm_publish": True},
                                    connect_timeout=5)
            connection.ensure_connection(max_retries=1)
            declare_topology(connection.default_channel, self.exchange.name)
            self._connection, self._pid = connection, os.getpid()
            self._producer = Producer(connection.default_channel, exchange=self.exchange, serializer="json")
        return self._producer

    def publish(self, message: dict[str, Any]) -> None:
        """Send one event message; returns only once the broker confirmed it, raises otherwise."""
        with self._lock:
            try:
                self._ready_producer().publish(
                    message,
                    routing_key=message["type"],
                    delivery_mode=2,
                    message_id=str(message["id"]),
                    headers={"correlation_id": message.get("correlation_id")},
                    retry=False,
                )
            except Exception:
                self.close()
                raise

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.release()
            except Exception:  # closing a broken connection may fail; it is dropped either way
                log.debug("closing publisher connection failed", exc_info=True)
        self._connection = self._producer = None
