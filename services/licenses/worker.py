"""The licenses worker: ``celery -A services.licenses.worker worker``."""
from common.celery_app import create_celery
from services.licenses.handlers import handlers
from services.licenses.runtime import get_runtime
from services.licenses.settings import get_settings
from services.licenses.tasks import register_tasks

app = create_celery("licenses", get_settings(), get_runtime, handlers)
register_tasks(app, get_runtime)
