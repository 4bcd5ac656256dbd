"""The notifications worker: ``celery -A services.notifications.worker worker``."""
from functools import partial

from common.celery_app import create_celery
from services.notifications.handlers import handlers
from services.notifications.runtime import open_runtime
from services.notifications.settings import Settings
from services.notifications.tasks import register_sending_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
app = create_celery("notifications", settings, partial(open_runtime, settings), handlers)
register_sending_tasks(app)
