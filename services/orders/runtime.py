from __future__ import annotations

from common.runtime import ServiceRuntime
from services.orders.dispatch import TaskSender
from services.orders.models import Inbox, Outbox
from services.orders.paypal.gateway import PayPalGateway
from services.orders.paypal.signatures import WebhookVerifier
from services.orders.settings import Settings


class OrdersRuntime(ServiceRuntime[Settings]):
    """Besides the database and the publisher, the orders service's clients; none connects before its first use."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("orders", settings, settings.database_url, Outbox, Inbox)
        # One of each per process: the gateway keeps its OAuth token between calls, the verifier caches PayPal's
        # signing certificates.
        self.paypal = PayPalGateway.from_settings(settings)
        self.webhook_verifier = WebhookVerifier(settings.paypal_webhook_id, settings.cert_hosts())
        self.tasks = TaskSender(settings)

    def close(self) -> None:
        self.tasks.close()
        super().close()


def open_runtime(settings: Settings | None = None) -> OrdersRuntime:
    """A new runtime, from ``settings`` or the environment's; its caller closes it."""
    return OrdersRuntime(settings or Settings())
