"""The orders worker: ``celery -A services.orders.worker worker``."""
from functools import partial

from common.celery_app import create_celery
from services.orders.runtime import open_runtime
from services.orders.settings import Settings
from services.orders.tasks import register_tasks

# Only settings at import; each worker process builds its runtime on its first task (app.runtime()).
settings = Settings()
# Orders consumes no other service's events yet; the outbox sweep comes with the runtime.
app = create_celery("orders", settings, partial(open_runtime, settings))
register_tasks(app)
