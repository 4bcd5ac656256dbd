"""The web worker: ``celery -A services.web.worker worker``; it sweeps the outbox the post-commit publish missed
and forgets old sessions."""
from common.celery_app import create_celery
from services.web.runtime import get_runtime
from services.web.settings import get_settings
from services.web.tasks import register_tasks

app = create_celery("web", get_settings(), get_runtime)
register_tasks(app)
