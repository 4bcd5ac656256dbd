from common.runtime import ServiceRuntime
from services.licenses.models import Inbox, Outbox
from services.licenses.settings import Settings


def open_runtime(settings: Settings | None = None) -> ServiceRuntime[Settings]:
    """A new runtime, from ``settings`` or the environment's; its caller closes it."""
    settings = settings or Settings()
    return ServiceRuntime("licenses", settings, settings.database_url, Outbox, Inbox)
