"""`make dev`: the whole system on this machine, with a demo company, its URLs and logins printed.

PostgreSQL on localhost when it answers (databases wscc_<service>), else SQLite files under var/ — the
zero-set-up default; RabbitMQ (the broker) and Redis (the throttles' shared counts) on localhost either way.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import psycopg
import requests

from tools.dev.setup import POSTGRES_ADMIN_URL
from tools.dev.stack import DEV_PORTS, ROOT, Processes, Stack


def postgres_answers() -> bool:
    try:
        psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=2).close()
        return True
    except psycopg.Error:
        return False


def missing_service() -> str | None:
    """One line saying what to start, when a server `make dev` cannot do without does not answer."""
    for name, port, start in (("RabbitMQ", 5672, "rabbitmq-server -detached"),
                              ("Redis", 6379, "redis-server --daemonize yes --bind 127.0.0.1 --save ''")):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except OSError:
            return f"{name} does not answer on 127.0.0.1:{port}: start it (`{start}`), then run `make dev` again."
    return None


def main() -> None:
    problem = missing_service()
    if problem:
        sys.exit(problem)
    run(Stack(name="wscc", ports=DEV_PORTS, use_postgres=postgres_answers(), log_dir=ROOT / "var" / "log"))


def run(stack: Stack) -> None:
    stack.prepare()
    environment = Processes(stack).environment()
    os.environ.update(environment)
    from services.web.accounts.demo import ensure_demo_admin, ensure_demo_company, ensure_demo_reviewer
    from services.web.runtime import open_runtime
    web = open_runtime()
    try:
        logins = {"company representative": ensure_demo_company(web.db),
                  "WSCC administrator": ensure_demo_admin(web.db), "WSCC reviewer": ensure_demo_reviewer(web.db)}
    finally:
        web.close()
    text = banner(stack, logins)
    print(text, flush=True)
    honcho = shutil.which("honcho", path=environment["PATH"])
    running = subprocess.Popen([honcho, "start", "-f", str(ROOT / "Procfile")], cwd=ROOT, env=environment)
    threading.Thread(target=print_again_when_ready, args=(stack, text), daemon=True).start()
    try:
        sys.exit(running.wait())
    except KeyboardInterrupt:  # honcho got the same Ctrl-C and is stopping every process
        sys.exit(running.wait())


# What answers over HTTP once started, and where.
READY_URLS = (("WEB_PORT", "/healthz"), ("ORDERS_PORT", "/healthz"), ("LICENSES_PORT", "/healthz"),
              ("APPLICATIONS_PORT", "/healthz"), ("FLOWER_PORT", "/healthcheck"),
              ("PAYPAL_SANDBOX_PORT", "/healthz"), ("SMTP_SINK_HTTP_PORT", "/healthz"))


def print_again_when_ready(stack: Stack, text: str, timeout: float = 180) -> None:
    """The start-up output pushes the URLs and logins away: show them again once everything answers."""
    deadline = time.monotonic() + timeout
    waiting = list(READY_URLS)
    while waiting and time.monotonic() < deadline:
        waiting = [(port, path) for port, path in waiting if not _answers(stack.url(port) + path)]
        time.sleep(1)
    if not waiting:
        print(text.replace("everything starting", "everything is up"), flush=True)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.RequestException:
        return False


def banner(stack: Stack, logins: dict) -> str:
    from services.scheduler.settings import Settings as SchedulerSettings
    flower = SchedulerSettings()  # this checkout's own login: var/secrets.env, already in the environment
    flower_user, flower_password = flower.flower_user, flower.flower_password.get_secret_value()
    accounts = "\n".join(f"      {role + ':':24}{login.email} / {login.password}" for role, login in logins.items())
    database = "PostgreSQL (wscc_<service>)" if stack.use_postgres else f"SQLite files in {stack.data_dir}"
    return f"""
WSCC bulk license portal — everything starting ({database}, RabbitMQ vhost {stack.vhost})
  Portal            {stack.url('WEB_PORT')}   (employees create their own account there)
{accounts}
  Flower            {stack.url('FLOWER_PORT')}   ({flower_user} / {flower_password})
  PayPal sandbox    {stack.url('PAYPAL_SANDBOX_PORT')}/checkoutnow   (buyer@example.com / sandbox-pass, card 4111 1111 1111 1111)
  Mail (SMTP sink)  {stack.url('SMTP_SINK_HTTP_PORT')}
  orders API {stack.url('ORDERS_PORT')}/readyz   licenses API {stack.url('LICENSES_PORT')}/readyz   applications API {stack.url('APPLICATIONS_PORT')}/readyz   courses API {stack.url('COURSES_PORT')}/readyz
Below: one line per request or handled event, warnings marked "!!"; full JSON logs in {stack.log_dir}/.
Secrets of this checkout: {ROOT / "var" / "secrets.env"}. Stop with Ctrl-C.
"""


if __name__ == "__main__":
    sys.exit(main())
