"""`make dev`'s console: processes started as `make dev` starts them print one short line per request or handled
task, stay quiet about sweeps that found nothing, make warnings stand out, and keep every record as JSON in
<log dir>/<process>.log."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest
import requests

from common.tokens import Actor, issue_token
from tests.waiting import wait_for
from tools.dev.stack import PORT_SETTINGS, Processes, Stack, free_port, rabbitmqctl

PROCESSES = ("web", "orders-api", "web-worker", "scheduler")


@pytest.fixture(scope="module")
def console(stack: Stack) -> Iterator[Processes]:
    data_dir = stack.data_dir / "console"
    # Its own vhost: a second web-worker beside the session's would fight it for the worker's own queues.
    vhost = f"{stack.vhost}_console"
    console_stack = dataclasses.replace(stack, ports={key: free_port() for key in PORT_SETTINGS}, data_dir=data_dir,
                                        vhost=vhost, log_format="console", log_dir=data_dir / "log")
    rabbitmqctl("add_vhost", vhost)
    rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    processes = Processes(console_stack)
    processes.ensure(*PROCESSES, timeout=90)
    yield processes
    processes.stop_all()
    rabbitmqctl("delete_vhost", vhost, check=False)


def json_lines(processes: Processes, name: str) -> list[dict]:
    path = processes.stack.log_dir / f"{name}.log"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def printed(processes: Processes, name: str) -> list[str]:
    return processes.log(name).splitlines()


def test_a_request_is_one_short_readable_line_and_its_json_record_is_kept_whole(console):
    assert requests.get(console.stack.url("WEB_PORT") + "/", timeout=10).status_code == 200
    line = wait_for(lambda: next((text for text in printed(console, "web") if text.startswith("GET / 200")), None))
    assert line and len(line) < 80 and not line.startswith("{")
    records = wait_for(lambda: [record for record in json_lines(console, "web") if record.get("route") == "/"])
    assert records[0]["level"] == "INFO" and records[0]["correlation_id"] and records[0]["service"] == "web"


def test_a_sweep_that_found_nothing_prints_nothing_but_is_in_the_json_log(console):
    def swept() -> list[dict]:
        return [record for record in json_lines(console, "web-worker")
                if "web.sweep_outbox" in record["message"] and "succeeded" in record["message"]]

    assert wait_for(swept, timeout=40, interval=0.5), "beat sends web.sweep_outbox every 10 seconds"
    assert any("received" in record["message"] for record in json_lines(console, "web-worker"))
    assert any("Sending due task" in record["message"] for record in json_lines(console, "scheduler"))
    assert not [line for line in printed(console, "web-worker") if "sweep_outbox" in line]
    assert not [line for line in printed(console, "scheduler") if "Sending due task" in line]


def test_a_warning_stands_out(console):
    token = issue_token(console.stack.env()["WSCC_INTERNAL_TOKEN_SECRET"], Actor(user_id="web", role="system"))
    refused = requests.post(console.stack.url("ORDERS_PORT") + "/internal/paypal/webhooks", data=b"{}", timeout=10,
                            headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 400
    warning = wait_for(lambda: next((line for line in printed(console, "orders-api") if "webhook refused" in line),
                                    None))
    assert warning and warning.startswith("!! WARNING: PayPal webhook refused")
    assert any(line.startswith("POST /internal/paypal/webhooks 400") for line in printed(console, "orders-api"))
    assert any(record["level"] == "WARNING" and record["message"] == "PayPal webhook refused"
               for record in json_lines(console, "orders-api"))
