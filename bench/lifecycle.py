"""The license lifecycle under load, beside raw baselines measured in the same run.

    python -m bench.lifecycle [--claims 2000] [--threads 16] [--licenses 1000000]

(a) Claims and redemptions per second through the licenses API as the front door calls it (16 threads, one
employee per code), beside GET /healthz of the same API processes: what the server costs with no work at all.
(b) The expiry and reminder runs over ``--licenses`` eligible licenses bulk-inserted with deadlines spread from
2 days ago to 118 days ahead (so ~1.7% are due to expire and ~25% are inside a reminder window: a cold catch-up
run), beside one SQL statement doing the same change to the same rows in the same database (rolled back). The
runs are timed as the worker does them (batches of 1000 with history and outbox rows), without the publishing of
those outbox rows, which is the relay's work.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import text

from bench.baselines import percentile
from common.db import Database
from common.tokens import Actor, issue_token
from tools.dev.stack import ROOT, Processes, Stack

REMINDER_DAYS = [30, 7, 1]
BATCH = 1000


def timed_calls(threads: int, calls: list[Callable[[requests.Session], requests.Response]]) -> dict:
    """Run the calls on ``threads`` threads (a session each); returns calls per second and latencies."""
    local = threading.local()
    latencies: list[float] = []
    failures: list[int] = []

    def run(call):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        session = local.session
        started = time.perf_counter()
        response = call(session)
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            failures.append(response.status_code)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(run, calls))
    elapsed = time.perf_counter() - started
    return {"per_second": round(len(calls) / elapsed, 1), "p50_ms": round(statistics.median(latencies), 2),
            "p99_ms": round(percentile(latencies, 0.99), 2), "failures": len(failures)}


def http_part(stack: Stack, processes: Processes, claims: int, threads: int) -> dict:
    from services.licenses.runtime import open_runtime

    processes.ensure("licenses-api", timeout=90)
    with closing(open_runtime()) as runtime:  # from the stack's environment, set by main()
        return timed_claims_and_redemptions(stack, runtime.db, claims, threads)


def timed_claims_and_redemptions(stack: Stack, database: Database, claims: int, threads: int) -> dict:
    from services.licenses.issuing import issue_licenses
    from tests.integration.licenses.support import paid_order

    secret = stack.env().get("WSCC_INTERNAL_TOKEN_SECRET", "dev-only-internal-secret")
    base = stack.url("LICENSES_PORT")
    company = uuid.uuid4()
    with database.unit_of_work() as session:
        for _ in range(0, claims, 100):
            issue_licenses(session, paid_order(company, 100), cause="bench")
    with database.reading() as session:
        codes = session.scalars(text("SELECT code FROM licenses WHERE company_id = :c LIMIT :n"),
                                {"c": company, "n": claims}).all()
    employees = [uuid.uuid4() for _ in codes]

    def headers(employee: uuid.UUID) -> dict:
        return {"Authorization": f"Bearer {issue_token(secret, Actor(str(employee), 'employee'))}"}

    def claim(code: str, employee: uuid.UUID):
        body = {"code": code, "client_address": f"10.{employee.int % 250}.{employee.int % 251}.{employee.int % 249}"}
        return lambda s: s.post(f"{base}/internal/licenses/claim", json=body, headers=headers(employee), timeout=30)

    def redeem(employee: uuid.UUID):
        return lambda s: s.post(f"{base}/internal/licenses/mine/redeem", headers=headers(employee), timeout=30)

    healthz = timed_calls(threads, [lambda s: s.get(f"{base}/healthz", timeout=30)] * len(codes))
    claimed = timed_calls(threads, [claim(code, employee) for code, employee in zip(codes, employees, strict=True)])
    with database.unit_of_work() as session:  # set-up, not measured: every claimed code approved
        session.execute(text("UPDATE licenses SET status = 'eligible', redeem_by = :deadline, approved_at = now(), "
                             "application_id = gen_random_uuid() WHERE company_id = :c AND status = 'claimed'"),
                        {"c": company, "deadline": datetime.now(UTC) + timedelta(days=90)})
    redeemed = timed_calls(threads, [redeem(employee) for employee in employees])
    return {"requests": len(codes), "threads": threads, "claims": claimed, "redemptions": redeemed,
            "baseline_healthz": healthz}


def bulk_insert_eligible(database: Database, count: int, now: datetime) -> float:
    """``count`` eligible licenses, 1000 per order and company, deadlines spread over [-2, +118] days."""
    started = time.perf_counter()
    with database.engine.begin() as connection:
        connection.execute(text("""
            INSERT INTO licenses (id, code, company_id, order_id, order_number, ordinal, status, issued_at,
                                  updated_at, employee_id, claimed_at, application_id, certification, approved_at,
                                  redeem_by)
            SELECT gen_random_uuid(), upper(substr(md5(random()::text || i::text), 1, 20)),
                   md5('company' || (i / 1000)::text)::uuid, md5('order' || (i / 1000)::text)::uuid,
                   'BENCH-' || (i / 1000)::text, i % 1000 + 1, 'eligible', :now, :now, gen_random_uuid(), :now,
                   gen_random_uuid(), '{"code": "shift_boss_open_pit", "name_en": "Shift Boss – Open Pit",
                   "name_fr": "Chef de quart – Ciel ouvert"}'::json, :now - interval '1 day',
                   :now + (random() * 120 - 2) * interval '1 day'
            FROM generate_series(0, :count - 1) AS i"""), {"now": now, "count": count})
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE licenses"))
    return time.perf_counter() - started


def timed_rolled_back(database: Database, statement: str, now: datetime) -> tuple[int, float]:
    with database.engine.connect() as connection:
        transaction = connection.begin()
        started = time.perf_counter()
        rows = connection.execute(text(statement), {"now": now}).rowcount
        elapsed = time.perf_counter() - started
        transaction.rollback()
    return rows, elapsed


SINGLE_EXPIRY = ("UPDATE licenses SET status = 'expired', expired_at = :now, updated_at = :now "
                 "WHERE status = 'eligible' AND redeem_by <= :now")
SINGLE_REMINDERS = """
    INSERT INTO license_reminders (license_id, redeem_by, days_before, sent_at)
    SELECT id, redeem_by, CASE WHEN redeem_by <= :now + interval '1 day' THEN 1
                               WHEN redeem_by <= :now + interval '7 days' THEN 7 ELSE 30 END, :now
    FROM licenses WHERE status = 'eligible' AND redeem_by > :now AND redeem_by <= :now + interval '30 days'"""


def sweeps_part(stack: Stack, licenses: int) -> dict:
    from services.licenses.sweeps import expire_due_licenses, send_due_reminders

    # No relay: the outbox rows are written as the worker writes them; publishing them is the relay's business.
    database = Database(stack.database_url("licenses"))
    now = datetime.now(UTC)
    try:
        inserted_in = bulk_insert_eligible(database, licenses, now)
        expiry_rows, expiry_baseline = timed_rolled_back(database, SINGLE_EXPIRY, now)
        reminder_rows, reminder_baseline = timed_rolled_back(database, SINGLE_REMINDERS, now)
        started = time.perf_counter()
        expired = expire_due_licenses(database, now, BATCH)
        expiry_run = time.perf_counter() - started
        started = time.perf_counter()
        reminded = send_due_reminders(database, now, REMINDER_DAYS, BATCH)
        reminder_run = time.perf_counter() - started
        started = time.perf_counter()
        again = expire_due_licenses(database, now, BATCH) + send_due_reminders(database, now, REMINDER_DAYS, BATCH)
        rerun = time.perf_counter() - started
    finally:
        database.dispose()
    assert (expired, reminded, again) == (expiry_rows, reminder_rows, 0), (expired, reminded, again)
    return {
        "licenses": licenses, "bulk_insert_seconds": round(inserted_in, 1), "batch_size": BATCH,
        "expiry": {"expired": expired, "seconds": round(expiry_run, 2),
                   "per_second": round(expired / expiry_run), "baseline_single_update_seconds":
                   round(expiry_baseline, 2), "baseline_per_second": round(expiry_rows / expiry_baseline)},
        "reminders": {"sent": reminded, "seconds": round(reminder_run, 2),
                      "per_second": round(reminded / reminder_run), "baseline_single_insert_seconds":
                      round(reminder_baseline, 2), "baseline_per_second": round(reminder_rows / reminder_baseline)},
        "rerun_changes_nothing_seconds": round(rerun, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--licenses", type=int, default=1_000_000)
    arguments = parser.parse_args()
    stack = Stack.for_tests(f"bench{uuid.uuid4().hex[:6]}")
    stack.prepare()
    os.environ.update(stack.env())
    processes = Processes(stack)
    try:
        result = {"api": http_part(stack, processes, arguments.claims, arguments.threads),
                  "sweeps": sweeps_part(stack, arguments.licenses)}
    finally:
        processes.stop_all()
        stack.destroy()
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "lifecycle.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
