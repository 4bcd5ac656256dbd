from functools import lru_cache

from common.runtime import ServiceRuntime
from services.web.models import Inbox, Outbox
from services.web.settings import Settings, get_settings


@lru_cache
def get_runtime() -> ServiceRuntime[Settings]:
    """The web's database and outbox relay; web consumes no events, so it has no inbox."""
    settings = get_settings()
    return ServiceRuntime("web", settings, settings.database_url, Outbox, Inbox)
