"""Flower as operators reach it: only with this checkout's login (never on its command line), no server version
in any answer, and handler tasks shown by their event's type and id, never the person's e-mail or name."""
from __future__ import annotations

import json
import re
from pathlib import Path

import flower
import requests
import tornado

from tests.e2e.test_operations import flower_hears_from, flower_login, flower_tasks
from tests.integration.web.people import new_employee
from tests.waiting import wait_for

HANDLER_SERVICES = ("licenses", "applications", "notifications")  # each handles employee.registered


def test_flower_answers_only_with_its_login_and_names_no_server_version(system, processes):
    processes.ensure("flower")
    url = system.url("FLOWER_PORT")
    answers = {"no login": requests.get(f"{url}/api/workers", timeout=10),
               "the old public login": requests.get(f"{url}/api/workers", auth=("operator", "operator-password"),
                                                    timeout=10),
               "its login": requests.get(f"{url}/api/workers", auth=flower_login(system), timeout=10),
               "its dashboard": requests.get(f"{url}/", auth=flower_login(system), timeout=10),
               "a missing page": requests.get(f"{url}/no-such-page", auth=flower_login(system), timeout=10)}
    assert [answers[name].status_code for name in answers] == [401, 401, 200, 200, 404]
    assert {name: answer.headers.get("Server") for name, answer in answers.items()
            if re.search(r"\d", answer.headers.get("Server", ""))} == {}
    dashboard = answers["its dashboard"].text
    assert tornado.version not in dashboard and flower.__version__ not in dashboard


def test_flowers_password_is_not_on_its_command_line(system, processes):
    processes.ensure("flower")
    command_lines = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in _group_pids(processes.running["flower"].pid)]
    assert command_lines and not [line for line in command_lines if flower_login(system)[1].encode() in line]


def _group_pids(group: int) -> list[str]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) == group:
                pids.append(stat.parent.name)
        except (OSError, IndexError, ValueError):
            continue
    return pids


def test_flower_shows_handler_tasks_by_event_type_and_id_without_personal_data(system, processes, make_app, web_db):
    processes.ensure("flower")
    assert wait_for(lambda: all(flower_hears_from(f"{service}@", system) for service in HANDLER_SERVICES),
                    timeout=30)
    employee = new_employee(make_app())
    event_id = next(event["id"] for event in web_db.outbox_events("employee.registered")
                    if event["data"].get("email") == employee.account.email)

    def finished_handler_runs() -> list[dict]:
        runs = [task for task in flower_tasks(system).values() if event_id in str(task.get("args"))]
        services = {task["name"].split(".", 1)[0] for task in runs}
        done = all(task["state"] in ("SUCCESS", "FAILURE") for task in runs)
        return runs if done and services >= set(HANDLER_SERVICES) else []

    runs = wait_for(finished_handler_runs, timeout=30, interval=0.5)
    assert runs, "each service's employee.registered handler shows in Flower"
    assert all("employee.registered" in str(task["args"]) for task in runs)
    everything_flower_shows = json.dumps(flower_tasks(system))
    assert employee.account.email not in everything_flower_shows
    assert employee.name not in everything_flower_shows
    for service in HANDLER_SERVICES:  # nor the workers' "task received / succeeded" lines
        log = processes.log(f"{service}-worker")
        assert event_id in log and employee.account.email not in log and employee.name not in log
