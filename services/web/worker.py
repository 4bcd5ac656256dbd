"""The web worker: ``celery -A services.web.worker worker``; it sweeps the outbox the post-commit publish missed."""
from common.celery_app import create_celery
from services.web.runtime import get_runtime
from services.web.settings import get_settings

app = create_celery("web", get_settings(), get_runtime)
