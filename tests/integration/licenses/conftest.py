"""The licenses service as it runs: its API and worker processes, and a publisher of the events it consumes."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from common.db import Database
from common.tokens import Actor
from services.licenses.settings import Settings
from tests.integration.licenses.support import Events, LicensesApi


@pytest.fixture(autouse=True)
def _on_the_runs_own_stack(stack) -> None:
    """Every test here reads and writes the run's own PostgreSQL database, never the local default."""


@pytest.fixture
def db(licenses_runtime) -> Database:
    """The licenses database, read and changed as the service's own code does."""
    return licenses_runtime.db


@pytest.fixture
def settings(licenses_runtime) -> Settings:
    return licenses_runtime.settings


@pytest.fixture(scope="package")
def licenses_service(stack, processes, licenses_runtime) -> LicensesApi:
    processes.ensure("licenses-api", "licenses-worker")
    return LicensesApi(stack.url("LICENSES_PORT"), licenses_runtime.settings.internal_token_secret.get_secret_value(),
                       Actor(user_id=str(uuid.uuid4()), role="system"))


@pytest.fixture(scope="package")
def events(stack) -> Iterator[Events]:
    publisher = Events(stack.env()["WSCC_BROKER_URL"])
    yield publisher
    publisher.close()


@pytest.fixture
def company_id() -> uuid.UUID:
    return uuid.uuid4()


@pytest.fixture
def company(licenses_service, company_id) -> LicensesApi:
    return licenses_service.as_actor("company", company_id=company_id)


@pytest.fixture
def employee(licenses_service) -> LicensesApi:
    return licenses_service.as_actor("employee")
