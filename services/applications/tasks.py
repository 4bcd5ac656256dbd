"""The applications worker's own tasks (besides event handlers and the outbox sweep)."""
from celery import Celery

from common.clock import parse_instant
from services.applications.retention import purge_expired_documents

PURGE_TASK = "applications.purge_documents"


def register_tasks(app: Celery) -> None:
    """The tasks use the app's runtime (``create_celery(..., open_runtime)``)."""
    @app.task(name=PURGE_TASK)
    def purge_documents(now: str | None = None) -> int:
        """Delete the files of applications decided longer ago than the retention period."""
        return purge_expired_documents(app.runtime(), parse_instant(now))
