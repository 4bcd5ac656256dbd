"""The front door in-process (Flask's test client) against the real orders, licenses and applications APIs and the
PayPal sandbox, with its own migrated test database; codes are issued, linked and made eligible by the real
workers."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from flask import Flask

from common.runtime import ServiceRuntime
from services.web.app import create_app
from services.web.runtime import open_runtime
from services.web.settings import Settings
from tests.integration.web.support import Account, Visitor, WebDatabase, wait_for
from tests.waiting import caught_up

SERVICES = ("orders-api", "licenses-api", "licenses-worker", "applications-api", "applications-worker", "courses-api",
            "courses-worker",
            "paypal-sandbox")


@pytest.fixture(scope="package")
def services(stack, processes, courses_runtime):
    from services.applications.seed.certifications import CERTIFICATIONS
    from tests.integration.web.learners import bind_courses, ensure_published

    processes.ensure(*SERVICES)
    bind_courses(courses_runtime)
    ensure_published([item["code"] for item in CERTIFICATIONS])  # a redeemed license opens its course
    return stack


@pytest.fixture(scope="session")
def web_runtime(stack) -> Iterator[ServiceRuntime]:
    """One runtime for every app of the session (and the tests' own reads), built from the stack's environment."""
    runtime = open_runtime()
    yield runtime
    runtime.close()


@pytest.fixture(scope="session")
def web_db(web_runtime) -> WebDatabase:
    return WebDatabase(web_runtime)


def web_app(runtime: ServiceRuntime, **settings: object) -> Flask:
    """An app with settings of its own (a limit, a timeout) on the session's runtime."""
    app = create_app(Settings(**settings), runtime)
    app.config["TESTING"] = True
    return app


@pytest.fixture(scope="session")
def make_app(web_runtime) -> Callable[..., Flask]:
    """``make_app(licenses_per_page=2)``: an app with those settings."""
    return lambda **settings: web_app(web_runtime, **settings)


@pytest.fixture
def app(services, make_app) -> Flask:
    return make_app()


@pytest.fixture
def visitor(app) -> Visitor:
    return Visitor(app.test_client())


@pytest.fixture
def sandbox_url(services) -> str:
    return services.url("PAYPAL_SANDBOX_PORT")


@pytest.fixture
def company(visitor) -> Account:
    """A newly registered company, its representative signed in."""
    return visitor.register()


@pytest.fixture(scope="package")
def paid_company(services, make_app) -> Iterator[tuple[Account, str]]:
    """A company that bought and paid 5 licenses, their codes issued: (account, order id)."""
    buyer = Visitor(make_app().test_client())
    account = buyer.register()
    order_id = buyer.place_order(5)
    assert buyer.pay(order_id, services.url("PAYPAL_SANDBOX_PORT")).status_code == 303
    assert wait_for(lambda: not buyer.progress()["issuing"] and buyer.progress()["counts"]["bought"] == 5)
    yield account, order_id


@pytest.fixture(scope="package")
def courses(services, courses_runtime) -> Iterator:
    """The courses service of this run (tests/integration/web/exams.py)."""
    from tests.integration.web.exams import Courses
    handle = Courses(services, courses_runtime)
    yield handle
    handle.close()


@pytest.fixture
def notifications_caught_up(services, processes) -> str:
    """The notifications worker and the SMTP sink running, with the events of this run's earlier tests handled: the
    worker may only start now, and a test's own e-mail must not wait behind hundreds of theirs. The sink's URL."""
    from services.notifications.i18n import compile_catalogs
    compile_catalogs()  # the .mo files are build output, made as `make` would before the worker starts
    processes.ensure("smtp-sink", "notifications-worker")
    caught_up(services.env()["WSCC_BROKER_URL"], "notifications")
    return services.env()["WSCC_SMTP_SINK_URL"]
