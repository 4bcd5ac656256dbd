"""The orders worker: ``celery -A services.orders.worker worker``."""
from common.celery_app import create_celery
from services.orders.runtime import get_runtime
from services.orders.settings import get_settings
from services.orders.tasks import register_tasks

# Orders consumes no other service's events yet; the outbox sweep comes with the runtime.
app = create_celery("orders", get_settings(), get_runtime)
register_tasks(app)
