from functools import lru_cache

from common.runtime import ServiceRuntime
from services.orders.models import Inbox, Outbox
from services.orders.paypal.gateway import PayPalGateway
from services.orders.paypal.signatures import WebhookVerifier
from services.orders.settings import Settings, get_settings


@lru_cache
def get_runtime() -> ServiceRuntime[Settings]:
    settings = get_settings()
    return ServiceRuntime("orders", settings, settings.database_url, Outbox, Inbox)


@lru_cache
def get_paypal() -> PayPalGateway:
    """One PayPal client per process: it keeps its OAuth token between calls."""
    return PayPalGateway.from_settings(get_settings())


@lru_cache
def get_webhook_verifier() -> WebhookVerifier:
    """Kept per process: it caches PayPal's signing certificates."""
    settings = get_settings()
    return WebhookVerifier(settings.paypal_webhook_id, settings.cert_hosts())
