"""Many claims at once: exactly one employee wins a code, and guessing is stopped in the database."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from common.db import Database
from common.refusals import Refusal
from common.tokens import Actor
from services.licenses import employees
from services.licenses.claiming import HoldsALicense, claim_license
from services.licenses.codes import generate_code
from services.licenses.handlers import make_approved_employees_license_eligible
from services.licenses.models import ClaimFailure, License, LicenseStatus
from tests.integration.licenses.support import (an_address, approval, events_about, history_of, issued_codes,
                                                license_row)

CLAIMANTS = 50


@pytest.fixture
def wide_database(stack):
    """Enough connections for fifty claims to reach PostgreSQL at the same moment, closed after each test (the
    server allows a hundred, shared with everything else). No relay: events stay in the outbox, which is all
    these tests read."""
    database = Database(stack.database_url("licenses"), pool_size=CLAIMANTS, max_overflow=0)
    yield database
    database.dispose()


def test_fifty_employees_claiming_one_code_at_once_leave_exactly_one_winner(company_id, wide_database, db, settings):
    license_ = issued_codes(db, company_id)[0]
    start = threading.Barrier(CLAIMANTS)

    def claim(_: int) -> str:
        actor = Actor(user_id=str(uuid.uuid4()), role="employee")
        start.wait()
        try:
            claim_license(wide_database, settings, actor, license_.code, an_address())
            return actor.user_id
        except Refusal as refusal:
            return refusal.code

    with ThreadPoolExecutor(CLAIMANTS) as pool:
        outcomes = list(pool.map(claim, range(CLAIMANTS)))
    winners = [outcome for outcome in outcomes if outcome != "claimed_by_someone_else"]
    assert len(winners) == 1, outcomes
    assert str(license_row(db, license_.id).employee_id) == winners[0]
    assert [h.to_status for h in history_of(db, license_.id)] == ["available", "claimed"]
    assert len(events_about(db, [license_.id], "license.claimed")) == 1


def test_one_employee_claiming_two_codes_at_once_gets_one(company_id, wide_database, db, settings):
    codes = issued_codes(db, company_id, 10)
    actor = Actor(user_id=str(uuid.uuid4()), role="employee")
    start = threading.Barrier(len(codes))

    def claim(license_: License) -> str:
        start.wait()
        try:
            claim_license(wide_database, settings, actor, license_.code, None)
            return "claimed"
        except HoldsALicense:
            return "employee_has_license"

    with ThreadPoolExecutor(len(codes)) as pool:
        outcomes = list(pool.map(claim, codes))
    assert sorted(outcomes) == ["claimed"] + ["employee_has_license"] * 9
    with wide_database.sessions() as session:
        held = session.scalar(select(func.count()).select_from(License).where(
            License.employee_id == uuid.UUID(actor.user_id), License.status == LicenseStatus.CLAIMED))
    assert held == 1


def test_an_account_is_stopped_after_ten_wrong_codes_even_with_a_good_code_and_told_how_long(
        company_id, employee, db, settings):
    license_ = issued_codes(db, company_id)[0]
    for _ in range(settings.claim_max_failures_per_account):
        assert employee.claim(generate_code(), an_address()).status_code == 404
    blocked = employee.claim(license_.code, an_address())
    assert (blocked.status_code, blocked.json()["error"]["code"]) == (429, "too_many_attempts")
    assert blocked.json()["error"]["fields"] == {"retry_after_minutes": 15}
    assert license_row(db, license_.id).status == LicenseStatus.AVAILABLE


def test_an_address_is_stopped_once_its_failures_reach_the_limit_whatever_the_accounts(
        company_id, licenses_service, db, settings):
    """The default limit (a camp's worth, over an hour), through the API."""
    license_ = issued_codes(db, company_id)[0]
    address = an_address()
    for _ in range(settings.claim_max_failures_per_address):
        assert licenses_service.as_actor("employee").claim(generate_code(), address).status_code == 404
    newcomer = licenses_service.as_actor("employee")
    blocked = newcomer.claim(license_.code, address)
    assert blocked.status_code == 429 and blocked.json()["error"]["fields"] == {"retry_after_minutes": 60}
    assert newcomer.claim(license_.code, an_address()).status_code == 200


def test_simultaneous_guesses_cannot_overrun_the_limit(wide_database, settings):
    """Fifty guesses at once from one account: no more than the limit are even tried."""
    actor = Actor(user_id=str(uuid.uuid4()), role="employee")
    start = threading.Barrier(CLAIMANTS)

    def guess(_: int) -> str:
        start.wait()
        try:
            claim_license(wide_database, settings, actor, generate_code(), an_address())
        except Refusal as refusal:  # too_many_attempts included
            return refusal.code
        return "claimed"

    with ThreadPoolExecutor(CLAIMANTS) as pool:
        outcomes = list(pool.map(guess, range(CLAIMANTS)))
    limit = settings.claim_max_failures_per_account
    assert outcomes.count("unknown_code") == limit
    assert outcomes.count("too_many_attempts") == CLAIMANTS - limit
    with wide_database.sessions() as session:
        kept = session.scalar(select(func.count()).select_from(ClaimFailure).where(
            ClaimFailure.employee_id == uuid.UUID(actor.user_id)))
    assert kept == outcomes.count("unknown_code")


def test_a_successful_claim_is_not_counted_as_a_failure(company_id, employee, db):
    codes = issued_codes(db, company_id, 2)
    address = an_address()
    for _ in range(3):
        assert employee.claim(codes[0].code, address).status_code == 200
    with db.sessions() as session:
        counted = session.scalar(select(func.count()).select_from(ClaimFailure).where(
            ClaimFailure.client_address == address))
    assert counted == 0


def test_a_claim_and_an_approval_of_one_employee_at_the_same_moment_end_eligible(
        company_id, wide_database, db, settings):
    """Twenty-five employees, each claiming while their approval is handled: without the employee's row lock taken by
    both, a claim that read "not approved" could commit after an approval that found no claimed license."""
    codes = issued_codes(db, company_id, CLAIMANTS // 2)
    start = threading.Barrier(2 * len(codes))

    def claim(license_: License, actor: Actor) -> None:
        start.wait()
        claim_license(wide_database, settings, actor, license_.code, None)

    def approve(event) -> None:
        start.wait()
        with wide_database.unit_of_work() as session:
            make_approved_employees_license_eligible(session, event.payload(), event)

    actors = [Actor(user_id=str(uuid.uuid4()), role="employee") for _ in codes]
    with wide_database.unit_of_work() as session:  # registered long ago: their rows exist, nothing else waits
        for actor in actors:
            employees.lock(session, uuid.UUID(actor.user_id))
    with ThreadPoolExecutor(2 * len(codes)) as pool:
        done = [pool.submit(claim, license_, actor) for license_, actor in zip(codes, actors, strict=True)]
        done += [pool.submit(approve, approval(uuid.UUID(actor.user_id))) for actor in actors]
        for future in done:
            future.result()
    assert {license_row(db, license_.id).status for license_ in codes} == {LicenseStatus.ELIGIBLE}
