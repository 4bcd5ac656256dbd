"""The web's database and outbox relay: built by the entry point (``create_app``, the worker, a tool or a test),
never on import, and reached by request code through the app that holds it."""
from __future__ import annotations

from flask import current_app

from common.runtime import ServiceRuntime
from services.web.models import Inbox, Outbox
from services.web.settings import Settings

# Where create_app keeps it in ``app.extensions``.
RUNTIME_KEY = "wscc.runtime"


def open_runtime(settings: Settings | None = None) -> ServiceRuntime[Settings]:
    """A new runtime, from ``settings`` or the environment; whoever opens it closes it."""
    settings = settings or Settings()
    return ServiceRuntime("web", settings, settings.database_url, Outbox, Inbox)


def current_runtime() -> ServiceRuntime[Settings]:
    """The runtime of the app serving this request (or running this command)."""
    return current_app.extensions[RUNTIME_KEY]
