from functools import lru_cache

from common.runtime import ServiceRuntime
from services.courses.models import Inbox, Outbox
from services.courses.settings import Settings, get_settings


@lru_cache
def get_runtime() -> ServiceRuntime[Settings]:
    settings = get_settings()
    return ServiceRuntime("courses", settings, settings.database_url, Outbox, Inbox)
