"""One running copy of the whole system: its settings, its databases and broker vhost, and its processes.

``make dev`` runs the "dev" stack on the usual ports; the end-to-end tests run a stack of their own (their own
databases, vhost and free ports) with the very same Procfile lines.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tools.dev.secrets import checkout_secrets, secret_settings
from tools.dev.setup import drop_database, migrate

ROOT = Path(__file__).resolve().parents[2]
# Every service that owns data keeps its migrations in services/<name>/migrations.
SERVICES_WITH_DATABASE = tuple(sorted(path.parent.name for path in (ROOT / "services").glob("*/migrations")))
PORT_SETTINGS = ("WEB_PORT", "ORDERS_PORT", "LICENSES_PORT", "APPLICATIONS_PORT", "COURSES_PORT", "FLOWER_PORT",
                 "PAYPAL_SANDBOX_PORT", "SMTP_PORT", "SMTP_SINK_HTTP_PORT")
DEV_PORTS = dict(zip(PORT_SETTINGS, (5000, 5001, 5002, 5003, 5004, 5555, 8089, 1025, 8025)))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Stack:
    name: str
    ports: dict[str, int]
    vhost: str = "/"
    use_postgres: bool = True
    data_dir: Path = ROOT / "var"
    extra_env: dict[str, str] = field(default_factory=dict)
    # What people read on stdout; every record also goes to <log_dir>/<process>.log as JSON when log_dir is set.
    log_format: str = "console"
    log_dir: Path | None = None

    @classmethod
    def for_tests(cls, run_id: str, **extra_env: str) -> Stack:
        # Every browser and test client of a run claims codes from 127.0.0.1, as one mine camp's connection would:
        # the default per-address budget (typos are not counted) is the camp's, and covers a run too.
        # Tests read what processes print (Processes.log): JSON on stdout, no second copy in files.
        env = {"WSCC_RATELIMIT_KEY_PREFIX": f"wscc_t{run_id}", "WSCC_LOGIN_RATE_LIMIT_PER_ADDRESS": "1000 per minute",
               "WSCC_CODE_CLAIM_RATE_LIMIT_PER_ADDRESS": "1000 per minute"} | extra_env
        return cls(name=f"wscc_t{run_id}", ports={key: free_port() for key in PORT_SETTINGS},
                   vhost=f"wscc_t{run_id}", data_dir=ROOT / "var" / "test" / run_id, extra_env=env,
                   log_format="json")

    def database_url(self, service: str) -> str:
        if not self.use_postgres:
            return f"sqlite:///{self.data_dir}/{service}.sqlite3"
        return f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.name}_{service}"

    def url(self, port_setting: str) -> str:
        return f"http://127.0.0.1:{self.ports[port_setting]}"

    def env(self) -> dict[str, str]:
        vhost = "/" if self.vhost == "/" else self.vhost  # "amqp://…//" is the default vhost "/"
        env = {f"WSCC_{key}": str(port) for key, port in self.ports.items()}
        env |= {f"WSCC_{service.upper()}_DATABASE_URL": self.database_url(service)
                for service in SERVICES_WITH_DATABASE}
        env |= {
            "WSCC_BROKER_URL": f"amqp://guest:guest@127.0.0.1:5672/{vhost}",
            "WSCC_DATA_DIR": str(self.data_dir),
            "WSCC_PUBLIC_URL": self.url("WEB_PORT"),
            "WSCC_ORDERS_API_URL": self.url("ORDERS_PORT"),
            "WSCC_LICENSES_API_URL": self.url("LICENSES_PORT"),
            "WSCC_APPLICATIONS_API_URL": self.url("APPLICATIONS_PORT"),
            "WSCC_COURSES_API_URL": self.url("COURSES_PORT"),
            "WSCC_PAYPAL_BASE_URL": self.url("PAYPAL_SANDBOX_PORT"),
            "WSCC_PAYPAL_SANDBOX_WEBHOOK_URL": f"{self.url('WEB_PORT')}/webhooks/paypal",
            "WSCC_SMTP_SINK_DIR": str(self.data_dir / "mail"),
            "WSCC_DOCUMENTS_DIR": str(self.data_dir / "documents"),
            "WSCC_SMTP_SINK_URL": self.url("SMTP_SINK_HTTP_PORT"),
            "WSCC_LOG_FORMAT": self.log_format,
        }
        if self.log_dir is not None:
            env["WSCC_LOG_DIR"] = str(self.log_dir)
        # The checkout's own random secrets (var/secrets.env), the same for `make dev` and its test stacks.
        env |= checkout_secrets(ROOT / "var", secret_settings(ROOT))
        return env | self.extra_env

    def prepare(self) -> None:
        """Databases, vhost, migrations: everything the processes expect to find."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.vhost != "/":
            rabbitmqctl("add_vhost", self.vhost)
            rabbitmqctl("set_permissions", "-p", self.vhost, "guest", ".*", ".*", ".*")
        migrate({service: self.database_url(service) for service in SERVICES_WITH_DATABASE})

    def destroy(self) -> None:
        """Drop what ``prepare`` made (test stacks only)."""
        if self.vhost != "/":
            rabbitmqctl("delete_vhost", self.vhost, check=False)
        if self.use_postgres:
            for service in SERVICES_WITH_DATABASE:
                drop_database(f"{self.name}_{service}")


def rabbitmqctl(*args: str, check: bool = True) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=check, capture_output=True, timeout=60)


def procfile(path: Path = ROOT / "Procfile") -> dict[str, str]:
    entries = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([a-z][a-z0-9-]*):\s*(.+)$", line)
        if match:
            entries[match.group(1)] = match.group(2)
    return entries


class Processes:
    """Start, stop, kill and restart Procfile processes of one stack; each logs to ``<data_dir>/logs``."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.commands = procfile()
        self.running: dict[str, subprocess.Popen] = {}
        self.log_dir = stack.data_dir / "logs"
        self.log_dir.mkdir(parents=True, exist_ok=True)

    def environment(self) -> dict[str, str]:
        venv_bin = str(ROOT / ".venv" / "bin")
        return os.environ | {"PATH": f"{venv_bin}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)} \
            | self.stack.env()

    def start(self, name: str) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - kept open for the process's lifetime
        process = subprocess.Popen(["/bin/sh", "-c", f"exec {self.commands[name]}"], cwd=ROOT,
                                   env=self.environment(), stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.running[name] = process
        return process

    def ensure(self, *names: str, timeout: float = 60) -> None:
        """Start those not yet running and wait until they are ready."""
        for name in names:
            if name not in self.running or self.running[name].poll() is not None:
                self.start(name)
        self.wait_until_ready(list(names), timeout=timeout)

    def start_all(self, names: list[str] | None = None) -> None:
        for name in names or list(self.commands):
            self.start(name)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Kill the process and all its children (a worker's pool processes too)."""
        process = self.running.pop(name)
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)

    def stop(self, name: str) -> None:
        process = self.running.pop(name)
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")

    def wait_until_ready(self, names: list[str] | None = None, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        for name in names or list(self.running):
            while not self._ready(name):
                if self.running[name].poll() is not None:
                    raise RuntimeError(f"{name} exited:\n{self.log(name)[-3000:]}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} not ready:\n{self.log(name)[-3000:]}")
                time.sleep(0.2)

    def _ready(self, name: str) -> bool:
        if "worker" in name:
            return " ready." in self.log(name)
        if name == "scheduler":
            return "beat: Starting" in self.log(name)
        url = {"web": "WEB_PORT", "orders-api": "ORDERS_PORT", "licenses-api": "LICENSES_PORT",
               "applications-api": "APPLICATIONS_PORT", "courses-api": "COURSES_PORT",
               "flower": "FLOWER_PORT", "paypal-sandbox": "PAYPAL_SANDBOX_PORT",
               "smtp-sink": "SMTP_SINK_HTTP_PORT"}[name]
        path = "/healthcheck" if name == "flower" else "/healthz"
        try:
            return requests.get(self.stack.url(url) + path, timeout=1).status_code == 200
        except requests.RequestException:
            return False
