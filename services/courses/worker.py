"""The courses worker: ``celery -A services.courses.worker worker``."""
from common.celery_app import create_celery
from services.courses.handlers import handlers
from services.courses.runtime import get_runtime
from services.courses.settings import get_settings
from services.courses.tasks import register_tasks

app = create_celery("courses", get_settings(), get_runtime, handlers)
register_tasks(app, get_runtime)
