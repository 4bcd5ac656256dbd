"""The applications service as it runs: its API and worker processes on the run's own databases and vhost, its
documents in the run's own folder, and a queue of ours on the broker to see what it published."""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing

import pytest

from common.db import Database
from common.events import Event, new_event
from common.messaging import EventPublisher
from common.runtime import ServiceRuntime
from services.applications.runtime import open_runtime
from tests.integration.applications.support import ApplicationsApi, PublishedEvents

PROCESSES = ("applications-api", "applications-worker")


@pytest.fixture(scope="package")
def applications_system(stack, processes) -> Iterator[dict]:
    documents_dir = str(stack.data_dir / "documents")
    stack.extra_env["WSCC_DOCUMENTS_DIR"] = documents_dir
    os.environ["WSCC_DOCUMENTS_DIR"] = documents_dir
    for name in PROCESSES:  # started earlier by another suite, without our settings: start afresh
        if name in processes.running:
            processes.stop(name)
    events = PublishedEvents(stack.env()["WSCC_BROKER_URL"])  # bound before anything is published
    processes.ensure(*PROCESSES)
    with closing(open_runtime()) as runtime:  # from this run's environment, documents folder included
        secret = runtime.settings.internal_token_secret.get_secret_value()
        yield {"url": stack.url("APPLICATIONS_PORT"), "secret": secret, "events": events,
               "documents_dir": documents_dir, "runtime": runtime}
    events.close()
    stack.extra_env.pop("WSCC_DOCUMENTS_DIR", None)
    os.environ.pop("WSCC_DOCUMENTS_DIR", None)


@pytest.fixture
def runtime(applications_system) -> ServiceRuntime:
    """The applications runtime of this test process, as the service's own code uses it."""
    return applications_system["runtime"]


@pytest.fixture
def db(runtime) -> Database:
    return runtime.db


@pytest.fixture
def employee(applications_system) -> ApplicationsApi:
    """A new employee for each test."""
    return ApplicationsApi(applications_system["url"], applications_system["secret"], "employee", uuid.uuid4())


@pytest.fixture
def reviewer(employee) -> ApplicationsApi:
    return employee.acting_as("reviewer")


@pytest.fixture
def admin(employee) -> ApplicationsApi:
    return employee.acting_as("admin")


@pytest.fixture
def events(applications_system) -> PublishedEvents:
    return applications_system["events"]


@pytest.fixture
def publish(stack, applications_system) -> Iterator[Callable[..., Event]]:
    """Publish an event on the real broker as its producer's outbox relay would; returns the event."""
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")

    def send(event_type_or_event: str | Event, data=None, **kwargs) -> Event:
        event = (event_type_or_event if isinstance(event_type_or_event, Event)
                 else new_event(event_type_or_event, data, **kwargs))
        publisher.publish(event.as_message())
        return event

    yield send
    publisher.close()
