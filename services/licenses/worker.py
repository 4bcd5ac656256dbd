"""The licenses worker: ``celery -A services.licenses.worker worker``."""
from functools import partial

from common.celery_app import create_celery
from services.licenses.handlers import handlers
from services.licenses.runtime import open_runtime
from services.licenses.settings import Settings
from services.licenses.tasks import register_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
app = create_celery("licenses", settings, partial(open_runtime, settings), handlers)
register_tasks(app)
