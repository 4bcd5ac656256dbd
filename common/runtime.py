"""A service's long-lived parts (database, publisher, outbox relay), built on first use, never at import."""
from __future__ import annotations

from typing import Generic, TypeVar

from common.db import Database
from common.messaging import EventPublisher
from common.outbox import OutboxMixin, OutboxRelay
from common.settings import ServiceSettings

S = TypeVar("S", bound=ServiceSettings)


class ServiceRuntime(Generic[S]):
    def __init__(self, service: str, settings: S, database_url: str, outbox_model: type[OutboxMixin],
                 inbox_model: type | None = None) -> None:
        self.service = service
        self.settings = settings
        self.outbox_model = outbox_model
        self.inbox_model = inbox_model
        self.publisher = EventPublisher(settings.broker_url, settings.events_exchange)
        self.relay = OutboxRelay(outbox_model, self.publisher, settings.outbox_batch_size)
        self.db = Database(database_url, after_commit=self.relay.publish)
        self.relay.bind(self.db)

    def close(self) -> None:
        self.publisher.close()
        self.db.dispose()
