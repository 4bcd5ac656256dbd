"""The front door's settings, each from ``WSCC_<NAME>`` with a local default."""
from pydantic import Field, SecretStr

from common.settings import CredentialUrl, ServiceSettings, sqlite_default


# An access token, then the order call: the PayPal calls a checkout or a capture makes one after the other.
PAYPAL_CALLS_PER_REQUEST = 2


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("web"), validation_alias="WSCC_WEB_DATABASE_URL")
    secret_key: SecretStr = Field(default=SecretStr("dev-only-web-secret-key-change-me"), min_length=16)
    public_url: str = "http://127.0.0.1:5000"
    orders_api_url: str = "http://127.0.0.1:5001"
    licenses_api_url: str = "http://127.0.0.1:5002"
    applications_api_url: str = "http://127.0.0.1:5003"
    courses_api_url: str = "http://127.0.0.1:5004"
    api_timeout_seconds: float = Field(default=10.0, gt=0)
    # The orders service's wait for each PayPal call: the same setting (WSCC_PAYPAL_TIMEOUT_SECONDS sets both), so
    # the front door's wait on a call that goes to PayPal is derived from it and always the longer one.
    paypal_timeout_seconds: float = Field(default=20.0, gt=0)
    # A session ends after this long unused (idle) and, however busy, this long after sign-in (absolute).
    session_lifetime_minutes: float = 30
    session_absolute_lifetime_hours: float = 12
    # Ended sessions stay this long (who was signed in when), then a periodic task deletes them.
    session_record_days: int = 30
    # Both None: on in production, off in development (plain http on localhost).
    session_cookie_secure: bool | None = None
    # Strict-Transport-Security max-age in seconds; 0 turns the header off.
    hsts_max_age_seconds: int | None = Field(default=None, ge=0)
    languages: str = "en,fr"
    display_timezone: str = "America/Yellowknife"
    login_rate_limit_per_address: str = "30 per minute"
    password_reset_rate_limit: str = "5 per hour"
    # One store every web process shares, for every limit (flask-limiter's and accounts/throttles.py's); the
    # prefix keeps two systems on one Redis (test runs) apart.
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
    # Signs the links sent by e-mail (reset a password, confirm an address); notifications holds the same key.
    link_secret: SecretStr = SecretStr("dev-only-link-secret-change-me")
    email_confirmation_max_age_minutes: int = 24 * 60
    licenses_per_page: int = 50
    # Claiming a code, on top of the licenses service's own count of wrong codes: a guard against floods, counting
    # every claim but typos. An address may be a whole mine camp behind one connection (a shift of a few hundred
    # people), so it gets far more room than one account.
    code_claim_rate_limit_per_address: str = "120 per minute"
    code_claim_rate_limit_per_account: str = "10 per minute"
    # Looking up a certificate on the public verification page (typed, or from its QR code), per address: an
    # employer checks a few, a script walking the register is slowed down.
    verification_rate_limit_per_address: str = "30 per minute"
    # One document. Same name as the applications service's setting, so WSCC_MAX_DOCUMENT_BYTES sets both: web
    # refuses a bigger request early (413 page), the service checks the file itself.
    max_document_bytes: int = 10 * 1024 * 1024
    # A question bank in Moodle XML. Same name as the courses service's setting, so WSCC_MAX_BANK_FILE_BYTES sets
    # both: web says the limit on the upload form and refuses a bigger file before sending it on.
    max_bank_file_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)

    @property
    def paypal_call_timeout_seconds(self) -> float:
        """The front door's wait on checkout and capture: the orders service may fetch a PayPal token and then make
        the call, each up to ``paypal_timeout_seconds``, and needs its own time besides."""
        return PAYPAL_CALLS_PER_REQUEST * self.paypal_timeout_seconds + self.api_timeout_seconds

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

