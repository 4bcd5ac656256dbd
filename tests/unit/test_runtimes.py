"""A process's parts are built by its entry point and handed to what uses them, never found in a module global:
two apps given two runtimes each serve from their own database, and a forked worker process builds its own."""
from __future__ import annotations

import os
import uuid
from decimal import Decimal

from celery import signals
from pydantic import SecretStr

from common.celery_app import create_celery
from common.tokens import Actor, issue_token
from services.licenses.runtime import open_runtime as open_licenses_runtime
from services.licenses.settings import Settings as LicensesSettings
from services.orders.app import create_app
from services.orders.models import Base
from services.orders.runtime import OrdersRuntime, open_runtime
from services.orders.settings import Settings

SECRET = "unit-test-internal-secret"
BILLING = {"legal_name": "Tundra Gold Mines Ltd.", "representative_name": "Ann Example", "email": "ann@tundra.example",
           "mailing_address": "1 Main St, Yellowknife NT", "employer_account_number": "12345"}


def runtime_selling_at(price: str) -> OrdersRuntime:
    """A runtime of its own: an in-memory database (one connection per thread, so the tables stay) and a price."""
    runtime = open_runtime(Settings(database_url="sqlite://", license_price=Decimal(price),
                                    internal_token_secret=SecretStr(SECRET)))
    Base.metadata.create_all(runtime.db.engine)
    return runtime


def as_company(company_id: uuid.UUID) -> dict[str, str]:
    actor = Actor(user_id=str(uuid.uuid4()), role="company", company_id=str(company_id))
    return {"Authorization": f"Bearer {issue_token(SECRET, actor)}"}


def test_two_apps_given_two_runtimes_each_serve_from_their_own_database_and_settings():
    first, second = runtime_selling_at("50.00"), runtime_selling_at("75.00")
    company = uuid.uuid4()
    try:
        first_api, second_api = create_app(first).test_client(), create_app(second).test_client()
        placed = first_api.post("/internal/orders", json={"quantity": 7, "billing": BILLING},
                                headers=as_company(company))
        assert (placed.status_code, placed.json["unit_price"]) == (201, "50.00")

        assert [order["id"] for order in first_api.get("/internal/orders", headers=as_company(company))
                .json["items"]] == [placed.json["id"]]
        assert second_api.get("/internal/orders", headers=as_company(company)).json["items"] == []
        assert second_api.get("/internal/orders/terms", headers=as_company(company)).json["license_price"] == "75.00"
    finally:
        first.close()
        second.close()


def test_a_worker_process_forked_after_its_parent_built_the_runtime_builds_its_own():
    settings = LicensesSettings(database_url="sqlite://")
    app = create_celery("licenses", settings, lambda: open_licenses_runtime(settings))
    parent = app.runtime()
    assert app.runtime() is parent  # one per process
    readable, writable = os.pipe()
    child_pid = os.fork()
    if child_pid == 0:  # the child, as Celery's prefork pool starts one
        try:
            signals.worker_process_init.send(sender=None)
            child = app.runtime()
            own = child is not parent and child.db.engine is not parent.db.engine and app.runtime() is child
            os.write(writable, b"own" if own else b"shared")
        finally:
            os._exit(0)
    os.close(writable)
    os.waitpid(child_pid, 0)
    assert os.read(readable, 16) == b"own"
    assert app.runtime() is parent  # the parent's is untouched
    app.runtime.close()
