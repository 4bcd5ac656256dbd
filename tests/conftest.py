"""The test session's own system: its own PostgreSQL databases, its own RabbitMQ vhost, its own ports.

Nothing here is shared with `make dev` or with another test run (each pytest-xdist worker gets its own too), so
runs can go in parallel. The databases are built by running the migrations.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing

import pytest

from common.runtime import ServiceRuntime
from services.courses.runtime import open_runtime as open_courses_runtime
from services.licenses.runtime import open_runtime as open_licenses_runtime
from services.notifications.runtime import open_runtime as open_notifications_runtime
from services.orders.runtime import OrdersRuntime
from services.orders.runtime import open_runtime as open_orders_runtime
from tools.dev.stack import Processes, Stack


def _run_id(config: pytest.Config) -> str:
    worker = getattr(config, "workerinput", {}).get("workerid", "main")
    return f"{uuid.uuid4().hex[:8]}_{worker}"


@pytest.fixture(scope="session")
def stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    """Databases migrated, vhost made, and this process's environment pointing at them."""
    test_stack = Stack.for_tests(_run_id(request.config))
    test_stack.prepare()
    saved = dict(os.environ)
    os.environ.update(test_stack.env())
    yield test_stack
    os.environ.clear()
    os.environ.update(saved)
    test_stack.destroy()


@pytest.fixture(scope="session")
def processes(stack: Stack) -> Iterator[Processes]:
    """Start Procfile processes on demand (``processes.ensure("licenses-worker")``); all stopped at the end."""
    group = Processes(stack)
    yield group
    group.stop_all()


# This test process's own runtimes, built from the run's environment (the ``stack`` fixture set it) and closed
# before its databases are dropped. The applications runtime is its package's (tests/integration/applications).
@pytest.fixture(scope="session")
def orders_runtime(stack: Stack) -> Iterator[OrdersRuntime]:
    with closing(open_orders_runtime()) as runtime:
        yield runtime


@pytest.fixture(scope="session")
def licenses_runtime(stack: Stack) -> Iterator[ServiceRuntime]:
    with closing(open_licenses_runtime()) as runtime:
        yield runtime


@pytest.fixture(scope="session")
def notifications_runtime(stack: Stack) -> Iterator[ServiceRuntime]:
    with closing(open_notifications_runtime()) as runtime:
        yield runtime


@pytest.fixture(scope="session")
def courses_runtime(stack: Stack) -> Iterator[ServiceRuntime]:
    with closing(open_courses_runtime()) as runtime:
        yield runtime
