"""PayPal's webhook deliveries: no session, no CSRF (PayPal signs them); the orders service verifies and acts."""
from __future__ import annotations

from flask import Blueprint, request

from services.web.clients import SYSTEM_ACTOR, OrdersApi
from services.web.extensions import csrf

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
WEBHOOK_MAX_BYTES = 1024 * 1024  # PayPal's notifications are a few kB; the app-wide limit is sized for documents


@bp.post("/paypal")
@csrf.exempt
def paypal() -> tuple[str, int]:
    """Forward the raw body and PayPal's signature headers unchanged; answer PayPal with the service's status."""
    request.max_content_length = WEBHOOK_MAX_BYTES
    headers = {name: value for name, value in request.headers.items() if name.upper().startswith("PAYPAL-")}
    headers["Content-Type"] = request.content_type or "application/json"
    return "", OrdersApi(SYSTEM_ACTOR).forward_webhook(request.get_data(cache=False), headers)
