"""Every service's models and migrations agree: the migrations build exactly the tables the code declares."""
from importlib import import_module

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from tools.dev.stack import SERVICES_WITH_DATABASE


@pytest.mark.parametrize("service", SERVICES_WITH_DATABASE)
def test_the_migrated_database_matches_the_models(stack, service):
    metadata = import_module(f"services.{service}.models").Base.metadata
    engine = create_engine(stack.database_url(service))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}),
                                       metadata)
    engine.dispose()
    assert differences == []
