"""Reminders 30, 7 and 1 days before the deadline and expiry at it, with the clock moved by the tests: each
reminder point and each expiry happens once, even with two runs at once."""
from __future__ import annotations

import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from common.celery_app import create_celery
from common.db import Database
from services.licenses.history import Cause
from services.licenses.models import LicenseStatus
from services.licenses.reinstating import reinstate_license
from services.licenses.sweeps import EXPIRE_TASK, REMIND_TASK, expire_due_licenses, send_due_reminders
from tests.integration.licenses.support import (events_about, history_of, issued_codes, license_row,
                                                make_eligible_directly, wait_for)

POINTS = (30, 7, 1)
DAY = timedelta(days=1)


def eligible_licenses(db: Database, deadlines: list[datetime]) -> list[uuid.UUID]:
    codes = issued_codes(db, uuid.uuid4(), len(deadlines))
    for license_, deadline in zip(codes, deadlines, strict=True):
        make_eligible_directly(db, license_.id, uuid.uuid4(), deadline)
    return [license_.id for license_ in codes]


def remind(db: Database, now: datetime, batch_size: int = 100) -> int:
    return send_due_reminders(db, now, POINTS, batch_size)


def expire(db: Database, now: datetime, batch_size: int = 100) -> int:
    return expire_due_licenses(db, now, batch_size)


def reminders_of(db: Database, license_id) -> list[int]:
    return [event["data"]["days_left"] for event in events_about(db, [license_id], "license.expiring")]


@pytest.fixture
def deadline() -> datetime:
    """Far in the future, so that moving the clock to it is every test's own business."""
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=400 + uuid.uuid4().int % 300)


def test_the_employee_and_company_are_reminded_30_7_and_1_days_before_once_each(deadline, db):
    [license_id] = eligible_licenses(db, [deadline])
    for now in (deadline - 31 * DAY, deadline - 30 * DAY, deadline - 29 * DAY, deadline - 7 * DAY + timedelta(
            minutes=5), deadline - 6 * DAY, deadline - DAY, deadline - timedelta(hours=2)):
        remind(db, now)
        remind(db, now)
    assert reminders_of(db, license_id) == [30, 7, 1]
    event = events_about(db, [license_id], "license.expiring")[0]
    assert event["data"]["employee_id"] and event["data"]["company_id"]
    assert datetime.fromisoformat(event["data"]["redeem_by"]) == deadline
    assert license_row(db, license_id).status == LicenseStatus.ELIGIBLE


def test_a_point_missed_while_the_system_was_down_is_sent_late_but_a_stale_one_never(deadline, db):
    [license_id] = eligible_licenses(db, [deadline])
    remind(db, deadline - 5 * DAY)  # down from 31 days before until 5 days before: the 30-day point is stale
    remind(db, deadline - 12 * timedelta(hours=1))
    assert reminders_of(db, license_id) == [5, 1]


def test_a_license_past_its_deadline_is_not_reminded_but_expires_once(deadline, db):
    [license_id] = eligible_licenses(db, [deadline])
    remind(db, deadline + timedelta(hours=1))
    expire(db, deadline + timedelta(hours=1))
    expire(db, deadline + timedelta(hours=2))
    assert reminders_of(db, license_id) == []
    assert license_row(db, license_id).status == LicenseStatus.EXPIRED
    assert [h.to_status for h in history_of(db, license_id)][-1] == "expired"
    assert history_of(db, license_id)[-1].cause == f"task {EXPIRE_TASK}"
    expired = events_about(db, [license_id], "license.expired")
    assert len(expired) == 1 and expired[0]["data"]["employee_id"]


def test_a_license_is_eligible_until_its_deadline_and_expired_from_it(deadline, db):
    [license_id] = eligible_licenses(db, [deadline])
    expire(db, deadline - timedelta(seconds=1))
    assert license_row(db, license_id).status == LicenseStatus.ELIGIBLE
    expire(db, deadline)
    assert license_row(db, license_id).status == LicenseStatus.EXPIRED


def test_a_reinstated_license_is_reminded_again_for_its_new_deadline(deadline, db):
    [license_id] = eligible_licenses(db, [deadline])
    remind(db, deadline - DAY)
    expire(db, deadline)
    with db.unit_of_work() as session:  # what the admin endpoint does, at the moved clock
        reinstate_license(session, license_row(db, license_id).code, deadline + 10 * DAY, Cause.task("test"),
                          deadline + timedelta(hours=1))
    remind(db, deadline + 9 * DAY + timedelta(hours=1))
    assert reminders_of(db, license_id) == [1, 1]


def test_two_runs_at_once_remind_and_expire_each_license_once(deadline, db):
    """Eight sweeps in threads, small batches: SKIP LOCKED shares the rows out, the unique rows do the rest."""
    now = deadline
    due_to_expire = eligible_licenses(db, [now - timedelta(minutes=m) for m in range(1, 41)])
    due_to_remind = eligible_licenses(db, [now + timedelta(days=d, hours=h) for d in (0, 3, 20) for h in range(1, 15)])
    start = threading.Barrier(8)

    def run(job):
        start.wait()
        return job(db, now, batch_size=7)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(run, [remind, expire] * 4))
    assert {license_row(db, i).status for i in due_to_expire} == {LicenseStatus.EXPIRED}
    assert Counter(len(events_about(db, [i], "license.expired")) for i in due_to_expire) == {1: 40}
    assert Counter(len(reminders_of(db, i)) for i in due_to_remind) == {1: 42}
    assert Counter(reminders_of(db, i)[0] for i in due_to_remind) == {1: 14, 4: 14, 21: 14}


def test_the_worker_runs_both_tasks_twice_at_once_and_changes_each_license_once(
        deadline, stack, processes, db, settings):
    processes.ensure("licenses-worker")
    now = deadline
    due_to_expire = eligible_licenses(db, [now - timedelta(hours=h) for h in range(1, 11)])
    due_to_remind = eligible_licenses(db, [now + timedelta(days=6, hours=h) for h in range(1, 11)])
    sender = create_celery("licenses", settings)
    sent = [sender.send_task(name, kwargs={"now": now.isoformat()})
            for name in (REMIND_TASK, REMIND_TASK, EXPIRE_TASK, EXPIRE_TASK)]
    assert wait_for(lambda: all(f"[{task.id}] succeeded" in processes.log("licenses-worker") for task in sent),
                      timeout=30)
    assert Counter(len(events_about(db, [i], "license.expired")) for i in due_to_expire) == {1: 10}
    assert Counter(tuple(reminders_of(db, i)) for i in due_to_remind) == {(7,): 10}
