"""Flower for operators: ``python -m services.scheduler.flower --address=… --port=…`` (Procfile, docker-compose.yml).

Its login comes from the settings (a production start refuses the default) and reaches Flower through
``FLOWER_BASIC_AUTH`` in its own environment, not its command line; no answer names the server's version.
"""
from __future__ import annotations

import os
import sys

from tornado.web import RequestHandler

from common.logs import configure_logging
from services.scheduler.settings import Settings


def hide_server_header() -> None:
    """Tornado sets ``Server: TornadoServer/<version>`` on every answer; an attacker needs no version hints."""
    original = RequestHandler.clear
    if getattr(original, "wscc_hides_server", False):
        return

    def clear(self: RequestHandler) -> None:
        original(self)
        self.clear_header("Server")

    clear.wscc_hides_server = True  # type: ignore[attr-defined]
    RequestHandler.clear = clear  # type: ignore[method-assign]


def main(arguments: list[str]) -> None:
    settings = Settings()
    configure_logging("flower", settings, process="flower")  # before Flower's own, which then keeps ours
    os.environ["FLOWER_BASIC_AUTH"] = f"{settings.flower_user}:{settings.flower_password.get_secret_value()}"
    hide_server_header()
    from celery.bin.celery import main as celery_main
    sys.argv = ["celery", "-A", "services.scheduler.app", "flower", *arguments]
    celery_main()


if __name__ == "__main__":
    main(sys.argv[1:])
