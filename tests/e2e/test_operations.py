"""What an operator sees: each handler run in Flower, and one correlation id from the request through every event."""
from __future__ import annotations

import uuid

import requests

from bench.purchase import Company, pay
from common.db import Database
from tests.waiting import wait_for


def flower_login(stack) -> tuple[str, str]:
    """This checkout's own Flower login (var/secrets.env), as `make dev` prints it."""
    env = stack.env()
    return env.get("WSCC_FLOWER_USER", "operator"), env["WSCC_FLOWER_PASSWORD"]


def flower_tasks(stack) -> dict:
    response = requests.get(f"{stack.url('FLOWER_PORT')}/api/tasks", auth=flower_login(stack), timeout=10)
    response.raise_for_status()
    return response.json()


def paid_event_id(db: Database, order_id: str) -> str:
    """Flower shows a handler's event by type and id only: the id of the order's order.paid event."""
    from sqlalchemy import select

    from services.orders.models import Outbox
    with db.reading() as session:
        messages = session.scalars(select(Outbox.message).where(Outbox.event_type == "order.paid")).all()
    return next(message["id"] for message in messages if message["data"].get("order_id") == order_id)


def flower_hears_from(worker_prefix: str, stack) -> bool:
    """Flower reports only the task runs it saw happen: it must be receiving that worker's heartbeats."""
    workers = requests.get(f"{stack.url('FLOWER_PORT')}/api/workers", params={"status": "true"},
                           auth=flower_login(stack), timeout=10).json()
    return any(name.startswith(worker_prefix) and alive for name, alive in workers.items())


def test_flower_asks_for_a_password(system, processes):
    processes.ensure("flower")
    assert requests.get(f"{system.url('FLOWER_PORT')}/api/workers", timeout=10).status_code == 401


def test_every_event_handler_run_shows_in_flower_with_its_worker_and_outcome(system, processes, orders_runtime):
    processes.ensure("flower")
    assert wait_for(lambda: flower_hears_from("licenses@", system), timeout=30)
    order_id, _ = pay(Company(system), quantity=5)
    expected = {"licenses.issue_licenses_for_paid_order": "licenses@"}
    event_id = paid_event_id(orders_runtime.db, order_id)

    def finished_runs() -> list[dict]:
        runs = [task for task in flower_tasks(system).values()
                if task.get("name") in expected and event_id in str(task.get("args"))]
        return runs if runs and all(task["state"] in ("SUCCESS", "FAILURE") for task in runs) else []

    runs = wait_for(finished_runs, timeout=30, interval=0.5)
    assert len(runs) == 1
    assert runs[0]["state"] == "SUCCESS"
    assert runs[0]["worker"].startswith(expected[runs[0]["name"]])


def test_one_correlation_id_follows_the_purchase_through_every_service(system, processes):
    correlation_id = uuid.uuid4().hex
    company = Company(system)
    company.correlation_id = correlation_id
    order_id, _ = pay(company, quantity=5)
    wait_for(lambda: all(correlation_id in processes.log(name) for name in ("orders-api", "licenses-worker")),
             timeout=20, interval=0.2)
    licenses_lines = [line for line in processes.log("licenses-worker").splitlines() if correlation_id in line]
    assert any("issue_licenses_for_paid_order" in line for line in licenses_lines)
    assert correlation_id in processes.log("orders-api")
