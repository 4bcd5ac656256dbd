from typing import Annotated

from pydantic import Field, SecretStr, field_validator

from common.production import OPTIONAL_IN_PRODUCTION
from common.settings import CredentialUrl, ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("notifications"),
                              validation_alias="WSCC_NOTIFICATIONS_DATABASE_URL")
    # SMTP server; the defaults reach the local SMTP sink (tools/smtp_sink). Empty username = no AUTH.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_username: str = ""
    smtp_password: Annotated[SecretStr, OPTIONAL_IN_PRODUCTION] = SecretStr("")
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "WSCC Mine Supervisor Certification <MiningCertification@wsc.nt.ca>"
    # The program office's address, printed in every e-mail and used as Reply-To.
    contact_email: str = "MiningCertification@wsc.nt.ca"
    # The portal as users reach it: every link in an e-mail starts here.
    public_url: str = "http://127.0.0.1:5000"
    # Signs the links written into e-mails at sending time; the front door checks them with the same key.
    link_secret: SecretStr = SecretStr("dev-only-link-secret-change-me")
    # Times in e-mails are shown in the program office's zone (Yellowknife).
    display_timezone: str = "America/Yellowknife"
    # Temporary SMTP failures: retried after base × 2^(attempt-1) seconds (capped), then given up.
    email_max_attempts: int = Field(default=15, ge=1)
    email_retry_base_seconds: float = Field(default=1.0, gt=0)
    email_retry_max_seconds: float = Field(default=600.0, gt=0)
    # A pending e-mail whose next try is this overdue lost its task (worker died): the sweep starts a new one.
    email_stalled_after_seconds: int = Field(default=60, ge=1)
    email_batch_size: int = Field(default=200, ge=1)

    @field_validator("public_url")
    @classmethod
    def _without_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")
