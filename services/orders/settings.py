from decimal import Decimal

from pydantic import Field, SecretStr

from common.settings import CredentialUrl, ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("orders"),
                                        validation_alias="WSCC_ORDERS_DATABASE_URL")
    license_price: Decimal = Field(default=Decimal("50.00"), gt=0, decimal_places=2)
    currency: str = Field(default="CAD", pattern=r"^[A-Z]{3}$")
    min_quantity: int = Field(default=5, ge=1)
    max_quantity: int = Field(default=100, ge=1)
    brand_name: str = Field(default="WSCC Mine Supervisor Certification", max_length=127)
    # The local sandbox by default; "sandbox" or "live" (or empty, meaning sandbox) select PayPal's own servers.
    paypal_base_url: str = "http://127.0.0.1:8089"
    paypal_client_id: SecretStr = SecretStr("sandbox-client-id")
    paypal_client_secret: SecretStr = SecretStr("sandbox-client-secret")
    paypal_webhook_id: str = "WH-LOCAL-SANDBOX"
    # Hosts a webhook's PAYPAL-CERT-URL may name; ".paypal.com" matches any subdomain. Production: ".paypal.com".
    paypal_cert_hosts: str = "127.0.0.1,localhost"
    paypal_timeout_seconds: float = Field(default=20.0, gt=0)
    # Reconciliation looks at a PayPal order this long after checkout (the browser's return usually comes first).
    reconcile_after_seconds: int = Field(default=120, ge=0)
    # An order never approved at PayPal this long after checkout is closed as expired (PayPal voids it at 3 h).
    abandon_after_hours: float = Field(default=3, gt=0)
    reconcile_batch_size: int = Field(default=50, ge=1)

    def cert_hosts(self) -> tuple[str, ...]:
        return tuple(host.strip().lower() for host in self.paypal_cert_hosts.split(",") if host.strip())
