"""The courses worker: ``celery -A services.courses.worker worker``."""
from functools import partial

from common.celery_app import create_celery
from services.courses.handlers import handlers
from services.courses.runtime import open_runtime
from services.courses.settings import Settings
from services.courses.tasks import register_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
app = create_celery("courses", settings, partial(open_runtime, settings), handlers)
register_tasks(app)
