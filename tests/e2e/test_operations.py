"""What an operator sees: each handler run in Flower, and one correlation id from the request through every event."""
from __future__ import annotations

import time
import uuid

import requests

from bench.purchase import Company, pay


def flower_tasks(stack) -> dict:
    response = requests.get(f"{stack.url('FLOWER_PORT')}/api/tasks", auth=("operator", "operator-password"),
                            timeout=10)
    response.raise_for_status()
    return response.json()


def wait_until_flower_hears_from(worker_prefix: str, stack, timeout: float = 30) -> None:
    """Flower reports only the task runs it saw happen: wait until it receives that worker's heartbeats."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = requests.get(f"{stack.url('FLOWER_PORT')}/api/workers", params={"status": "true"},
                               auth=("operator", "operator-password"), timeout=10).json()
        if any(name.startswith(worker_prefix) and alive for name, alive in workers.items()):
            return
        time.sleep(0.5)
    raise TimeoutError(f"Flower never heard from {worker_prefix}")


def test_flower_asks_for_a_password(system, processes):
    processes.ensure("flower")
    assert requests.get(f"{system.url('FLOWER_PORT')}/api/workers", timeout=10).status_code == 401


def test_every_event_handler_run_shows_in_flower_with_its_worker_and_outcome(system, processes):
    processes.ensure("flower")
    wait_until_flower_hears_from("licenses@", system)
    order_id, _ = pay(Company(system), quantity=5)
    expected = {"licenses.issue_licenses_for_paid_order": "licenses@"}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        runs = [task for task in flower_tasks(system).values()
                if task.get("name") in expected and order_id in str(task.get("args"))]
        if runs and all(task["state"] == "SUCCESS" for task in runs):
            break
        time.sleep(0.5)
    assert len(runs) == 1
    assert runs[0]["state"] == "SUCCESS"
    assert runs[0]["worker"].startswith(expected[runs[0]["name"]])


def test_one_correlation_id_follows_the_purchase_through_every_service(system, processes):
    correlation_id = uuid.uuid4().hex
    company = Company(system)
    company.correlation_id = correlation_id
    order_id, _ = pay(company, quantity=5)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not all(
            correlation_id in processes.log(name) for name in ("orders-api", "licenses-worker")):
        time.sleep(0.2)
    licenses_lines = [line for line in processes.log("licenses-worker").splitlines() if correlation_id in line]
    assert any("issue_licenses_for_paid_order" in line for line in licenses_lines)
    assert correlation_id in processes.log("orders-api")
