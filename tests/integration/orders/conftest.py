"""The orders service as it runs: its API and worker processes, the PayPal sandbox, a stand-in front door for
PayPal's webhooks, and a queue of our own on the broker to see what was really published."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from common.db import Database
from services.orders.dispatch import RECONCILE_TASK
from services.orders.runtime import OrdersRuntime
from services.orders.settings import Settings
from tests.integration.orders.neighbours import FrontDoor, PaidEvents
from tests.integration.orders.support import OrdersApi, Sandbox

# Our PayPal calls give up after 2 s; the sandbox's "timeout" scenario answers after 4 s.
ORDERS_ENV = {"WSCC_PAYPAL_TIMEOUT_SECONDS": "2"}
SANDBOX_CONFIG = {"timeout_delay": 4, "webhook_retry_delays": [0.5, 1], "webhook_max_attempts": 3}
ORDERS_PROCESSES = ("orders-api", "orders-worker")


@pytest.fixture(scope="package")
def orders_system(stack, processes, orders_runtime) -> Iterator[dict]:
    stack.extra_env.update(ORDERS_ENV)
    for name in ORDERS_PROCESSES:  # started earlier by another suite, without our settings: start afresh
        if name in processes.running:
            processes.stop(name)
    processes.ensure(*ORDERS_PROCESSES, "paypal-sandbox")
    api = OrdersApi(stack.url("ORDERS_PORT"), orders_runtime.settings.internal_token_secret.get_secret_value())
    sandbox = Sandbox(stack.url("PAYPAL_SANDBOX_PORT"))
    front_door = FrontDoor(api)
    paid_events = PaidEvents(stack.env()["WSCC_BROKER_URL"])
    yield {"api": api, "sandbox": sandbox, "front_door": front_door, "paid_events": paid_events}
    paid_events.close()
    front_door.close()
    for key in ORDERS_ENV:
        stack.extra_env.pop(key, None)


@pytest.fixture
def db(orders_runtime) -> Database:
    """The orders database, read as the service's own code reads it."""
    return orders_runtime.db


@pytest.fixture
def settings(orders_runtime) -> Settings:
    return orders_runtime.settings


@pytest.fixture
def api(orders_system) -> OrdersApi:
    """A new company for each test."""
    return OrdersApi(orders_system["api"].base_url, orders_system["api"].secret, uuid.uuid4())


@pytest.fixture
def sandbox(orders_system) -> Sandbox:
    return orders_system["sandbox"]


@pytest.fixture(autouse=True)
def front_door(orders_system) -> Iterator[FrontDoor]:
    """PayPal's webhooks come to us (set for every test: other suites may point the sandbox elsewhere); by
    default the buyer's approval webhook is lost, so each test decides who captures."""
    door: FrontDoor = orders_system["front_door"]
    orders_system["sandbox"].control("POST", "/config", {"webhook_url": door.url, **SANDBOX_CONFIG})
    door.dropped = {"CHECKOUT.ORDER.APPROVED"}
    yield door
    door.dropped = {"CHECKOUT.ORDER.APPROVED"}


@pytest.fixture
def paid_events(orders_system) -> PaidEvents:
    return orders_system["paid_events"]


@pytest.fixture
def checked_out(api, sandbox, front_door):
    """An order of 7 licenses sent to PayPal: (order, PayPal order id)."""
    order = api.place(7)
    response = api.checkout(order["id"])
    assert response.status_code == 200, response.text
    return order, response.json()["paypal_order_id"]


@pytest.fixture
def reconcile(orders_runtime: OrdersRuntime) -> Callable[..., None]:
    """``reconcile(seconds_from_now=…)``: run reconciliation on the real worker, as if it were that much later."""
    def run(seconds_from_now: float) -> None:
        now = datetime.now(UTC) + timedelta(seconds=seconds_from_now)
        orders_runtime.tasks.send(RECONCILE_TASK, kwargs={"now": now.isoformat()})
    return run
