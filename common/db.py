"""Database engine, sessions and the unit of work, one per service.

A unit of work commits the state change and its outbox rows together; once committed, it hands the new events
to the relay for an immediate publish (the periodic sweep catches anything that publish misses).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, create_engine, event, insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

PENDING_EVENTS = "pending_event_ids"
AFTER_COMMIT = "after_commit_callbacks"


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC on every backend (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


# Every service's ``class Base(DeclarativeBase)`` uses this map (each service keeps its own metadata).
TYPE_ANNOTATION_MAP = {datetime: UTCDateTime()}


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 5)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """One service's database: engine, sessions, and the unit of work."""

    def __init__(self, url: str, after_commit: Callable[[list], None] | None = None, **engine_kwargs: Any) -> None:
        self.engine = create_db_engine(url, **engine_kwargs)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._after_commit = after_commit

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        with self.sessions() as session:
            with session.begin():
                yield session
            event_ids = session.info.pop(PENDING_EVENTS, [])
            callbacks = session.info.pop(AFTER_COMMIT, [])
        if event_ids and self._after_commit is not None:
            self._after_commit(event_ids)
        for callback in callbacks:
            callback()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the unit of work holding ``session`` has committed (never if it rolls back)."""
    session.info.setdefault(AFTER_COMMIT, []).append(callback)


def dialect_insert(session: Session) -> Callable:
    """The ``insert`` of the session's backend, which knows ON CONFLICT (PostgreSQL and SQLite both do)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only the two supported backends reach here
        raise RuntimeError(f"unsupported database {dialect}")
    return insert


def insert_ignoring_conflicts(session: Session, model: type, values: dict | list[dict]) -> int:
    """INSERT that skips rows whose key already exists; returns how many rows were inserted."""
    # Counted from RETURNING: the driver's rowcount is -1 for these statements under psycopg 3.
    table = model.__table__
    statement = (dialect_insert(session)(table).values(values).on_conflict_do_nothing()
                 .returning(*table.primary_key.columns))
    return len(session.execute(statement).all())


__all__ = ["Database", "TYPE_ANNOTATION_MAP", "UTCDateTime", "after_commit", "dialect_insert", "insert_ignoring_conflicts", "insert"]
