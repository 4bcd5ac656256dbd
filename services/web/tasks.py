"""The web worker's own tasks (besides the outbox sweep)."""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta

from celery import Celery

from common.clock import parse_instant
from common.runtime import ServiceRuntime
from services.web.accounts.session_store import Limits, purge_sessions
from services.web.settings import Settings

PURGE_SESSIONS_TASK = "web.purge_sessions"
WebRuntime = ServiceRuntime[Settings]


class ProcessRuntime:
    """The one runtime of this worker process, opened on first use. A forked pool child opens its own: a database
    pool or a broker connection must not be shared across a fork."""

    def __init__(self, open_runtime: Callable[[], WebRuntime]) -> None:
        self._open = open_runtime
        self._runtime: WebRuntime | None = None
        self._pid: int | None = None

    def __call__(self) -> WebRuntime:
        if self._runtime is None or self._pid != os.getpid():
            self._runtime, self._pid = self._open(), os.getpid()
        return self._runtime


def register_tasks(app: Celery, runtime: Callable[[], WebRuntime]) -> None:
    @app.task(name=PURGE_SESSIONS_TASK)
    def purge_old_sessions(now: str | None = None) -> int:
        """Delete the rows of sessions that ended more than ``session_record_days`` ago."""
        web = runtime()
        keep = timedelta(days=web.settings.session_record_days)
        with web.db.unit_of_work() as db:
            return purge_sessions(db, parse_instant(now), Limits.from_settings(web.settings), keep)
