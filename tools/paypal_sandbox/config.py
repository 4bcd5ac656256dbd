"""Sandbox configuration, read from the environment (twelve-factor) with local defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Mapping


def _floats(text: str) -> tuple[float, ...]:
    return tuple(float(part) for part in text.replace(" ", "").split(",") if part)


@dataclass
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 8089
    base_url: str = "http://127.0.0.1:8089"
    client_id: str = "sandbox-client-id"
    client_secret: str = "sandbox-client-secret"
    webhook_id: str = "WH-LOCAL-SANDBOX"
    webhook_url: str = "http://127.0.0.1:5000/webhooks/paypal"
    buyer_email: str = "buyer@example.com"
    buyer_password: str = "sandbox-pass"
    # OAuth access tokens live this long (real seconds, like the SDK's own expiry clock).
    token_ttl: int = 32400
    # Webhook delivery: delay before attempt n+1 after a failed attempt n; max attempts in all.
    webhook_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
    webhook_max_attempts: int = 6
    webhook_timeout: float = 5.0
    # "timeout" scenario: how long the capture answer is held back (seconds).
    timeout_delay: float = 5.0
    # Order lifetime rules, on the sandbox clock.
    order_ttl: int = 3 * 3600          # to approve after creation, and to capture after approval
    order_purge: int = 72 * 3600       # an expired (VOIDED) order answers 404 this long after expiry
    order_idempotency_ttl: int = 6 * 3600
    refund_idempotency_ttl: int = 45 * 86400
    journal_limit: int = 10000
    events_limit: int = 10000
    merchant_id: str = "SANDBOXMERCH01"
    merchant_email: str = "merchant@example.com"
    foreign_cert_url: str = "https://api.evil.example.com/v1/notifications/certs/CERT-FOREIGN"

    @property
    def public_base(self) -> str:
        return self.base_url.rstrip("/")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> "SandboxConfig":
        env = os.environ if environ is None else environ
        d = cls()
        host = env.get("WSCC_PAYPAL_SANDBOX_HOST", d.host)
        port = int(env.get("WSCC_PAYPAL_SANDBOX_PORT", d.port))
        values = dict(
            host=host,
            port=port,
            client_id=env.get("WSCC_PAYPAL_CLIENT_ID", d.client_id),
            client_secret=env.get("WSCC_PAYPAL_CLIENT_SECRET", d.client_secret),
            webhook_id=env.get("WSCC_PAYPAL_WEBHOOK_ID", d.webhook_id),
            webhook_url=env.get("WSCC_PAYPAL_SANDBOX_WEBHOOK_URL", d.webhook_url),
            buyer_email=env.get("WSCC_PAYPAL_SANDBOX_BUYER_EMAIL", d.buyer_email),
            buyer_password=env.get("WSCC_PAYPAL_SANDBOX_BUYER_PASSWORD", d.buyer_password),
            token_ttl=int(env.get("WSCC_PAYPAL_SANDBOX_TOKEN_TTL", d.token_ttl)),
            webhook_retry_delays=_floats(env.get("WSCC_PAYPAL_SANDBOX_WEBHOOK_RETRY_DELAYS", "1,2,4,8,16")),
            webhook_max_attempts=int(env.get("WSCC_PAYPAL_SANDBOX_WEBHOOK_MAX_ATTEMPTS", d.webhook_max_attempts)),
            webhook_timeout=float(env.get("WSCC_PAYPAL_SANDBOX_WEBHOOK_TIMEOUT", d.webhook_timeout)),
            timeout_delay=float(env.get("WSCC_PAYPAL_SANDBOX_TIMEOUT_SECONDS", d.timeout_delay)),
            order_ttl=int(env.get("WSCC_PAYPAL_SANDBOX_ORDER_TTL", d.order_ttl)),
            order_purge=int(env.get("WSCC_PAYPAL_SANDBOX_ORDER_PURGE", d.order_purge)),
        )
        values.update(overrides)
        if "base_url" not in overrides:
            values["base_url"] = env.get("WSCC_PAYPAL_BASE_URL") or f"http://{values['host']}:{values['port']}"
        return cls(**values)

    def updated(self, **changes) -> "SandboxConfig":
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in changes.items() if k in known})

    def retry_delay(self, attempts_done: int) -> float | None:
        """Delay before the next attempt after `attempts_done` failed attempts, or None to give up."""
        if attempts_done >= self.webhook_max_attempts:
            return None
        delays = self.webhook_retry_delays or (1.0,)
        return delays[min(attempts_done - 1, len(delays) - 1)]
