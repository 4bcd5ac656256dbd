"""The sandbox's runtime object: config, store, signer and webhook dispatcher, shared by all routes."""
from __future__ import annotations

from flask import current_app

from .config import SandboxConfig
from .signing import Signer
from .state import Store
from .webhooks import Dispatcher

EXTENSION = "paypal_sandbox"


class Sandbox:
    def __init__(self, config: SandboxConfig, store: Store | None = None):
        self.config = config
        self.store = store or Store(journal_limit=config.journal_limit, events_limit=config.events_limit)
        self.signer = Signer(lambda: self.config.public_base)
        self.dispatcher = Dispatcher(self)

    @property
    def base(self) -> str:
        return self.config.public_base

    def close(self) -> None:
        self.dispatcher.stop()


def current() -> Sandbox:
    return current_app.extensions[EXTENSION]
