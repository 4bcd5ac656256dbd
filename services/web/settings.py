"""The front door's settings, each from ``WSCC_<NAME>`` with a local default."""
from functools import lru_cache

from pydantic import Field

from common.settings import ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: str = Field(default=sqlite_default("web"), validation_alias="WSCC_WEB_DATABASE_URL")
    secret_key: str = Field(default="dev-only-web-secret-key-change-me", min_length=16)
    public_url: str = "http://127.0.0.1:5000"
    orders_api_url: str = "http://127.0.0.1:5001"
    licenses_api_url: str = "http://127.0.0.1:5002"
    applications_api_url: str = "http://127.0.0.1:5003"
    api_timeout_seconds: float = 10.0
    # A session ends after this long unused (idle) and, however busy, this long after sign-in (absolute).
    session_lifetime_minutes: float = 30
    session_absolute_lifetime_hours: float = 12
    # Ended sessions stay this long (who was signed in when), then a periodic task deletes them.
    session_record_days: int = 30
    session_cookie_secure: bool = False
    languages: str = "en,fr"
    display_timezone: str = "America/Yellowknife"
    # Display hints only: the orders service owns the price and the quantity rule and checks them again.
    license_price: str = "50.00"
    currency: str = "CAD"
    quantity_min: int = 5
    quantity_max: int = 100
    login_rate_limit_per_address: str = "30 per minute"
    password_reset_rate_limit: str = "5 per hour"
    # One store every web process shares, for every limit (flask-limiter's and throttles.py's); the prefix keeps
    # two systems on one Redis (test runs) apart.
    ratelimit_storage_uri: str = "redis://127.0.0.1:6379/0"
    ratelimit_key_prefix: str = "wscc"
    # Failed sign-ins per account (its e-mail address, known or not) in a rolling hour: free ones, then a wait
    # that doubles from the base up to the cap after each failure, a hard stop, and a warning e-mail to the owner.
    login_max_failures_per_hour: int = 100
    login_failures_before_delay: int = 5
    login_delay_base_seconds: float = 1
    login_delay_max_seconds: float = 60
    login_warning_after_failures: int = 10
    password_reset_max_age_minutes: int = 60
    licenses_per_page: int = 50
    # Claiming a code, on top of the licenses service's own count of failures. An address may be a whole mine
    # site behind one router, so it gets more room than one account.
    code_claim_rate_limit_per_address: str = "30 per minute"
    code_claim_rate_limit_per_account: str = "10 per minute"
    # One document. Same name as the applications service's setting, so WSCC_MAX_DOCUMENT_BYTES sets both: web
    # refuses a bigger request early (413 page), the service checks the file itself.
    max_document_bytes: int = 10 * 1024 * 1024

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
