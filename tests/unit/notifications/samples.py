"""Template contexts as the queueing functions store them, one per e-mail."""
from __future__ import annotations

CONTEXTS = {
    "profile_created": {"legal_name": "Mines du Nord ltée", "portal_url": "https://portal.example/"},
    "password_reset": {"reset_url": "https://portal.example/reset/abc123", "expires_in_minutes": 60},
    "payment_receipt": {
        "legal_name": "Mines du Nord ltée", "order_number": "WSCC-2026-000042", "quantity": 7,
        "unit_price": "50.00", "total": "350.00", "currency": "CAD", "paypal_capture_id": "3C679366HH908993F",
        "paid_at": "2026-03-15T21:05:00+00:00",
        "receipt_url": "https://portal.example/orders/5b1f0a52-0d7c-4b8e-9c43-2f0e8d1b6a11/receipt",
    },
    "codes_ready": {"order_number": "WSCC-2026-000042", "quantity": 7,
                    "licenses_url": "https://portal.example/licenses"},
}
TEMPLATES = sorted(CONTEXTS)
