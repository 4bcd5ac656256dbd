"""A production start (WSCC_ENV=production) of each kind of process, by its real Procfile command: refused while a
secret or credential is still a development default (the error names the variable), started once all are set."""
from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterator

import pytest
import requests

from tools.dev.stack import PORT_SETTINGS, SERVICES_WITH_DATABASE, Processes, Stack, free_port, rabbitmqctl

# One process of each kind: the front door, a service API, a worker, beat, Flower.
KINDS = ("web", "orders-api", "orders-worker", "scheduler", "flower")
SECRET_OF_EACH_KIND = [("web", "WSCC_SECRET_KEY", "dev-only-web-secret-key-change-me"),
                       ("orders-api", "WSCC_INTERNAL_TOKEN_SECRET", "dev-only-internal-secret"),
                       ("orders-worker", "WSCC_PAYPAL_CLIENT_SECRET", "sandbox-client-secret"),
                       ("scheduler", "WSCC_FLOWER_PASSWORD", "operator-password"),
                       ("flower", "WSCC_FLOWER_PASSWORD", ""),
                       ("licenses-worker", "WSCC_LICENSES_DATABASE_URL", None),
                       ("applications-api", "WSCC_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")]


@pytest.fixture(scope="module")
def broker_login(stack: Stack) -> Iterator[tuple[str, str]]:
    """Production refuses guest:guest: a broker user of this test's own, on a vhost of its own (a second orders
    worker beside the session's would fight it for the worker's own queues)."""
    user, password = f"{stack.vhost}_production", secrets.token_urlsafe(16)
    rabbitmqctl("add_vhost", production_vhost(stack))
    rabbitmqctl("add_user", user, password)
    rabbitmqctl("set_permissions", "-p", production_vhost(stack), user, ".*", ".*", ".*")
    yield user, password
    rabbitmqctl("delete_user", user, check=False)
    rabbitmqctl("delete_vhost", production_vhost(stack), check=False)


def production_vhost(stack: Stack) -> str:
    return f"{stack.vhost}_production"


def production(stack: Stack, broker_login: tuple[str, str], **overrides: str) -> Processes:
    """The test stack's databases and vhost, with real credentials in every URL, on ports of its own."""
    user, password = broker_login
    vhost = production_vhost(stack)
    env = {"WSCC_ENV": "production", "WSCC_BROKER_URL": f"amqp://{user}:{password}@127.0.0.1:5672/{vhost}"}
    env |= {f"WSCC_{service.upper()}_DATABASE_URL":
            stack.database_url(service).replace("postgres@", f"postgres:{password}@")
            for service in SERVICES_WITH_DATABASE}
    return Processes(dataclasses.replace(
        stack, ports={key: free_port() for key in PORT_SETTINGS}, vhost=vhost, data_dir=stack.data_dir / "production",
        extra_env=stack.extra_env | env | overrides))


@pytest.mark.parametrize(("process", "variable", "development_value"), SECRET_OF_EACH_KIND)
def test_a_production_start_with_a_development_secret_stops_naming_it(stack, broker_login, process, variable,
                                                                      development_value):
    if development_value is None:  # a database URL without a password, as the development one is
        development_value = stack.database_url(variable.removeprefix("WSCC_").removesuffix("_DATABASE_URL").lower())
    processes = production(stack, broker_login, **{variable: development_value})
    started = processes.start(process)
    try:
        assert started.wait(timeout=60) != 0
    finally:
        if started.poll() is None:
            processes.kill(process)
    output = processes.log(process)
    assert f"{variable} " in output and "before starting in production" in output, output[-2000:]
    assert [line for line in output.splitlines() if line.strip().startswith("WSCC_")] == [
        line for line in output.splitlines() if line.strip().startswith(variable)], "only the one left at default"


def test_with_every_secret_set_each_kind_of_process_starts_in_production(stack, broker_login):
    processes = production(stack, broker_login)
    try:
        processes.ensure(*KINDS, timeout=90)
        web = processes.stack.url("WEB_PORT")
        assert requests.get(f"{web}/healthz", timeout=5).status_code == 200
        assert "Strict-Transport-Security" in requests.get(f"{web}/", timeout=5).headers
    finally:
        processes.stop_all()
