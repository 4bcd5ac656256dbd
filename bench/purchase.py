"""Pay orders of licenses through the real path and time the codes, beside raw baselines from the same run.

    python -m bench.purchase [--orders 200] [--quantity 100] [--clients 4]

The real path: orders API → the PayPal sandbox (approval) → capture through the SDK → outbox → RabbitMQ →
licenses worker → codes visible through the licenses API that the company's page reads. Prints codes issued per
second and the time from the capture's answer to all of an order's codes being visible (p50, p99), beside a kombu
publish-to-consume round trip and a bulk INSERT of the same rows into the same database.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlparse

import requests

from bench.baselines import bulk_insert_rows_per_second, kombu_round_trip_ms, percentile
from common.tokens import Actor, issue_token
from tools.dev.stack import ROOT, Processes, Stack

PROCESSES = ["orders-api", "orders-worker", "licenses-api", "licenses-worker", "notifications-worker",
             "scheduler", "paypal-sandbox", "smtp-sink"]


class Company:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.id = str(uuid.uuid4())
        self.secret = stack.env().get("WSCC_INTERNAL_TOKEN_SECRET", "dev-only-internal-secret")
        self.correlation_id: str | None = None

    def headers(self) -> dict:
        token = issue_token(self.secret, Actor(user_id=str(uuid.uuid4()), role="company", company_id=self.id))
        headers = {"Authorization": f"Bearer {token}"}
        if self.correlation_id:
            headers["X-Correlation-ID"] = self.correlation_id
        return headers

    def orders(self, path: str, **body) -> dict:
        response = requests.post(f"{self.stack.url('ORDERS_PORT')}/internal/orders{path}", json=body,
                                 headers=self.headers(), timeout=30)
        response.raise_for_status()
        return response.json()

    def issued(self) -> dict[str, int]:
        response = requests.get(f"{self.stack.url('LICENSES_PORT')}/internal/licenses/summary",
                                headers=self.headers(), timeout=30)
        return response.json()["issued_by_order"]


def pay(company: Company, quantity: int) -> tuple[str, float]:
    """Create, approve at the sandbox and capture one order; returns its id and when the capture answered."""
    billing = {"legal_name": "Bench Mining Ltd", "representative_name": "Bench", "email": "bench@example.com",
               "mailing_address": "1 Bench Road", "employer_account_number": None}
    order = company.orders("", quantity=quantity, billing=billing)
    checkout = company.orders(f"/{order['id']}/checkout", return_url="http://127.0.0.1/return",
                              cancel_url="http://127.0.0.1/cancel", locale="en-CA")
    paypal_id = parse_qs(urlparse(checkout["approve_url"]).query)["token"][0]
    requests.post(f"{company.stack.url('PAYPAL_SANDBOX_PORT')}/_sandbox/orders/{paypal_id}/approve",
                  json={"payer": "card"}, timeout=30).raise_for_status()
    paid = company.orders(f"/{order['id']}/capture", paypal_order_id=paypal_id, payer_id="BENCHPAYER")
    assert paid["status"] == "paid", paid
    return order["id"], time.perf_counter()


def watch(company: Company, quantity: int, seen: dict, stop: threading.Event) -> None:
    while not stop.is_set():
        now = time.perf_counter()
        for order_id, count in company.issued().items():
            if count >= quantity and order_id not in seen:
                seen[order_id] = now
        time.sleep(0.01)


def run(orders: int, quantity: int, clients: int) -> dict:
    stack = Stack.for_tests(f"bench{uuid.uuid4().hex[:6]}")
    stack.prepare()
    os.environ.update(stack.env())
    processes = Processes(stack)
    try:
        processes.ensure(*PROCESSES, timeout=90)
        company = Company(stack)
        captured: dict[str, float] = {}
        visible: dict[str, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(company, quantity, visible, stop), daemon=True)
        watcher.start()
        with ThreadPoolExecutor(clients) as pool:
            for order_id, at in pool.map(lambda _: pay(company, quantity), range(orders)):
                captured[order_id] = at
        deadline = time.perf_counter() + 300
        while len(visible) < orders and time.perf_counter() < deadline:
            time.sleep(0.05)
        stop.set()
        watcher.join()
        finished = max(visible.values())
        latencies = [(visible[order_id] - captured[order_id]) * 1000 for order_id in captured]
        result = {
            "orders": orders, "quantity": quantity, "clients": clients,
            # From the first capture's answer to the last order's codes being visible.
            "codes_issued_per_second": orders * quantity / (finished - min(captured.values())),
            "capture_to_codes_visible_ms": {"p50": statistics.median(latencies),
                                            "p99": percentile(latencies, 0.99)},
            "baseline_kombu_round_trip_ms": kombu_round_trip_ms(stack.env()["WSCC_BROKER_URL"]),
            "baseline_bulk_insert_rows_per_second": bulk_insert_rows_per_second(
                stack.database_url("licenses"), orders * quantity),
        }
    finally:
        processes.stop_all()
        stack.destroy()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--quantity", type=int, default=100)
    parser.add_argument("--clients", type=int, default=4)
    arguments = parser.parse_args()
    result = run(arguments.orders, arguments.quantity, arguments.clients)
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "purchase.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
