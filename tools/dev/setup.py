"""Prepare a deployment from its settings: create the PostgreSQL databases that are missing, run every service's
migrations, and make the demo accounts.  `python -m tools.dev.setup` (docker-compose's `setup` step).
"""
from __future__ import annotations

import os

import psycopg
from sqlalchemy.engine import make_url

from common.migrations import upgrade

POSTGRES_ADMIN_URL = os.environ.get("WSCC_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def create_database(name: str) -> None:
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrate(database_urls: dict[str, str]) -> None:
    """Create each PostgreSQL database if missing, then bring it to the latest migration."""
    for service, url in database_urls.items():
        parsed = make_url(url)
        if parsed.get_backend_name() == "postgresql":
            create_database(parsed.database)
        upgrade(service, url)


def main() -> None:
    from tools.dev.stack import SERVICES_WITH_DATABASE
    migrate({service: os.environ[f"WSCC_{service.upper()}_DATABASE_URL"] for service in SERVICES_WITH_DATABASE})
    if os.environ.get("WSCC_ENV") == "production":
        # The demo logins are public (they are in the source): a production system must not have them.
        print("production: no demo accounts. Create the first administrator with "
              "`flask --app 'services.web.app:create_app()' create-user --role admin --email … --name …`")
        return
    from services.web.accounts.demo import ensure_demo_admin, ensure_demo_company, ensure_demo_reviewer
    from services.web.runtime import open_runtime
    web = open_runtime()
    try:
        print("demo company:", ensure_demo_company(web.db), "admin:", ensure_demo_admin(web.db),
              "reviewer:", ensure_demo_reviewer(web.db))
    finally:
        web.close()


if __name__ == "__main__":
    main()
