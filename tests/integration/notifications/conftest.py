from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from common.db import Database
from common.events import Event, new_event
from common.messaging import EventPublisher
from services.notifications.i18n import compile_catalogs
from services.notifications.settings import Settings
from tests.integration.notifications.support import Sink
from tests.waiting import caught_up


@pytest.fixture
def db(notifications_runtime) -> Database:
    """The notifications database: the send log, the contacts, the inbox."""
    return notifications_runtime.db


@pytest.fixture
def settings(notifications_runtime) -> Settings:
    return notifications_runtime.settings


@pytest.fixture(scope="session")
def compiled_catalogs() -> None:
    """The .mo files are build output (git-ignored): make them as `make` would before the worker starts."""
    compile_catalogs()


@pytest.fixture(scope="session")
def sink(stack, processes) -> Sink:
    processes.ensure("smtp-sink")
    return Sink(stack.env()["WSCC_SMTP_SINK_URL"])


@pytest.fixture
def mail(stack, sink, processes, compiled_catalogs) -> Iterator[Sink]:
    """The notifications worker and the SMTP sink running, caught up with the run's earlier events, with no fault
    armed before or after the test."""
    processes.ensure("smtp-sink", "notifications-worker")
    sink.disarm()
    caught_up(stack.env()["WSCC_BROKER_URL"], "notifications")
    yield sink
    sink.disarm()


@pytest.fixture
def publish(stack, settings) -> Iterator[Callable[..., Event]]:
    """Publish an event on the real broker as its producer's outbox relay would; returns the event."""
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], settings.events_exchange)

    def send(event_type_or_event: str | Event, data=None) -> Event:
        event = event_type_or_event if isinstance(event_type_or_event, Event) else new_event(event_type_or_event, data)
        publisher.publish(event.as_message())
        return event

    yield send
    publisher.close()
