"""The applications worker: ``celery -A services.applications.worker worker``."""
from common.celery_app import create_celery
from services.applications.handlers import handlers
from services.applications.runtime import get_runtime
from services.applications.settings import get_settings
from services.applications.tasks import register_tasks

app = create_celery("applications", get_settings(), get_runtime, handlers)
register_tasks(app)
