"""The web worker: ``celery -A services.web.worker worker``; it sweeps the outbox the post-commit publish missed
and forgets old sessions."""
from functools import partial

from common.celery_app import create_celery
from services.web.runtime import open_runtime
from services.web.settings import Settings
from services.web.tasks import register_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
app = create_celery("web", settings, partial(open_runtime, settings))
register_tasks(app)
