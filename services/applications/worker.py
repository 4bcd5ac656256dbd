"""The applications worker: ``celery -A services.applications.worker worker``."""
from functools import partial

from common.celery_app import create_celery
from services.applications.handlers import handlers
from services.applications.runtime import open_runtime
from services.applications.settings import Settings
from services.applications.tasks import register_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
app = create_celery("applications", settings, partial(open_runtime, settings), handlers)
register_tasks(app)
