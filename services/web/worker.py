"""The web worker: ``celery -A services.web.worker worker``; it sweeps the outbox the post-commit publish missed
and forgets old sessions."""
from common.celery_app import create_celery
from services.web.runtime import open_runtime
from services.web.settings import Settings
from services.web.tasks import ProcessRuntime, register_tasks

runtime = ProcessRuntime(open_runtime)  # opened by the first task a worker process runs, not on import
app = create_celery("web", Settings(), runtime)
register_tasks(app, runtime)
