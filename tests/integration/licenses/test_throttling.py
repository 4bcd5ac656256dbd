"""A mine camp behind one connection: typos are no guesses, a taken code is "already linked" whatever the throttle
says, one person's lockout is theirs alone, and a guessing run from the address is stopped with the wait shown."""
from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from common.db import Database
from common.refusals import Refusal
from common.tokens import Actor
from services.licenses.claiming import claim_license
from services.licenses.codes import ALPHABET, generate_code
from services.licenses.models import ClaimFailure, Employee, LicenseStatus
from services.licenses.throttling import TooManyGuesses
from tests.integration.licenses.support import an_address, issued_codes, license_row

CAMP = 20
# A small per-address limit, so a test can spend an address's budget quickly (the default is a camp's: 300/hour).
SMALL_ADDRESS_LIMIT = 5


@pytest.fixture
def camp_database(stack):
    """Enough connections for a camp's twenty claims at the same moment (no relay: events stay in the outbox)."""
    database = Database(stack.database_url("licenses"), pool_size=CAMP, max_overflow=0)
    yield database
    database.dispose()


@pytest.fixture
def small_address_limit(settings):
    return settings.model_copy(update={"claim_max_failures_per_address": SMALL_ADDRESS_LIMIT})


def new_actor() -> Actor:
    return Actor(user_id=str(uuid.uuid4()), role="employee")


def outcome(database: Database, settings, actor: Actor, code: str, address: str) -> str:
    try:
        claim_license(database, settings, actor, code, address)
    except TooManyGuesses as refusal:
        return f"wait {refusal.minutes} min"
    except Refusal as refusal:
        return refusal.code
    return "claimed"


def failures_at(db: Database, address: str) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(ClaimFailure)
                              .where(ClaimFailure.client_address == address))


def spend_the_address(database: Database, settings, address: str) -> None:
    """Guesses from as many accounts as the address's limit: the address is then over it, no account is."""
    for _ in range(settings.claim_max_failures_per_address):
        assert outcome(database, settings, new_actor(), generate_code(), address) == "unknown_code"


def test_twenty_employees_at_one_spent_address_trying_one_taken_code_at_once_all_hear_already_linked(
        company_id, camp_database, small_address_limit, db):
    license_ = issued_codes(db, company_id)[0]
    owner = new_actor()
    assert outcome(camp_database, small_address_limit, owner, license_.code, an_address()) == "claimed"
    address = an_address()
    spend_the_address(camp_database, small_address_limit, address)
    start = threading.Barrier(CAMP)

    def try_the_code(_: int) -> str:
        actor = new_actor()
        start.wait()
        return outcome(camp_database, small_address_limit, actor, license_.code, address)

    with ThreadPoolExecutor(CAMP) as pool:
        outcomes = list(pool.map(try_the_code, range(CAMP)))
    assert outcomes == ["claimed_by_someone_else"] * CAMP
    assert failures_at(db, address) == SMALL_ADDRESS_LIMIT  # a real code is no guess: nothing more was counted
    assert str(license_row(db, license_.id).employee_id) == owner.user_id


def test_typos_caught_by_the_check_character_never_lock_anyone_out_nor_reach_the_database(
        company_id, licenses_service, db, settings):
    license_ = issued_codes(db, company_id)[0]
    employee, address = licenses_service.as_actor("employee"), an_address()
    for position in range(3 * settings.claim_max_failures_per_account):
        typo = license_.code[:position % 19] + next(
            symbol for symbol in ALPHABET if symbol != license_.code[position % 19]) + license_.code[position % 19 + 1:]
        answer = employee.claim(typo, address)
        assert (answer.status_code, answer.json()["error"]["code"]) == (422, "mistyped_code")
    assert failures_at(db, address) == 0
    with db.reading() as session:  # not even the employee's row was locked (it would exist)
        assert session.get(Employee, uuid.UUID(employee.actor.user_id)) is None
    assert employee.claim(license_.code, address).status_code == 200


def test_a_guessing_run_from_one_address_is_stopped_with_the_wait_even_for_an_available_code(
        company_id, small_address_limit, db):
    available = issued_codes(db, company_id)[0]
    address = an_address()
    spend_the_address(db, small_address_limit, address)
    newcomer = new_actor()
    assert outcome(db, small_address_limit, newcomer, generate_code(), address) == "wait 60 min"
    # An available code is held back from an over-limit requester, or the throttle would be void.
    assert outcome(db, small_address_limit, newcomer, available.code, address) == "wait 60 min"
    assert license_row(db, available.id).status == LicenseStatus.AVAILABLE
    assert failures_at(db, address) == SMALL_ADDRESS_LIMIT
    assert outcome(db, small_address_limit, newcomer, available.code, an_address()) == "claimed"


def test_one_persons_lockout_does_not_lock_out_another_at_the_same_address(company_id, licenses_service, db, settings):
    codes = issued_codes(db, company_id, 2)
    address = an_address()
    guesser, colleague = licenses_service.as_actor("employee"), licenses_service.as_actor("employee")
    for _ in range(settings.claim_max_failures_per_account):
        assert guesser.claim(generate_code(), address).status_code == 404
    locked = guesser.claim(codes[0].code, address)
    assert (locked.status_code, locked.json()["error"]["fields"]) == (429, {"retry_after_minutes": 15})
    assert colleague.claim(codes[0].code, address).status_code == 200
    # The locked-out person still hears the truth about a code that is taken.
    taken = guesser.claim(codes[0].code, address)
    assert (taken.status_code, taken.json()["error"]["code"]) == (409, "claimed_by_someone_else")
