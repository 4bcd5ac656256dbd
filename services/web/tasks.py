"""The web worker's own tasks (besides the outbox sweep)."""
from __future__ import annotations

from datetime import timedelta

from celery import Celery

from common.clock import parse_instant
from services.web.accounts.session_store import Limits, purge_sessions

PURGE_SESSIONS_TASK = "web.purge_sessions"


def register_tasks(app: Celery) -> None:
    @app.task(name=PURGE_SESSIONS_TASK)
    def purge_old_sessions(now: str | None = None) -> int:
        """Delete the rows of sessions that ended more than ``session_record_days`` ago."""
        web = app.runtime()
        keep = timedelta(days=web.settings.session_record_days)
        with web.db.unit_of_work() as db:
            return purge_sessions(db, parse_instant(now), Limits.from_settings(web.settings), keep)
