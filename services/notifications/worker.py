"""The notifications worker: ``celery -A services.notifications.worker worker``."""
from common.celery_app import create_celery
from services.notifications.handlers import handlers
from services.notifications.runtime import get_runtime
from services.notifications.settings import get_settings
from services.notifications.tasks import register_sending_tasks

app = create_celery("notifications", get_settings(), get_runtime, handlers)
register_sending_tasks(app, get_runtime)
