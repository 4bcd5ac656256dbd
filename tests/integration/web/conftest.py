"""The front door in-process (Flask's test client) against the real orders, licenses and applications APIs and the
PayPal sandbox, with its own migrated test database; codes are issued, linked and made eligible by the real
workers."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from services.web.app import create_app
from services.web.settings import Settings
from tests.integration.web.support import Account, Visitor, wait_for

SERVICES = ("orders-api", "licenses-api", "licenses-worker", "applications-api", "applications-worker",
            "paypal-sandbox")


@pytest.fixture(scope="package")
def services(stack, processes):
    processes.ensure(*SERVICES)
    return stack


def make_app(**settings: object) -> Flask:
    app = create_app(Settings(**settings))
    app.config["TESTING"] = True
    return app


@pytest.fixture
def app(services) -> Flask:
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
def paid_company(services) -> Iterator[tuple[Account, str]]:
    """A company that bought and paid 5 licenses, their codes issued: (account, order id)."""
    buyer = Visitor(make_app().test_client())
    account = buyer.register()
    order_id = buyer.place_order(5)
    assert buyer.pay(order_id, services.url("PAYPAL_SANDBOX_PORT")).status_code == 303
    assert wait_for(lambda: not buyer.progress()["issuing"] and buyer.progress()["counts"]["bought"] == 5)
    yield account, order_id
