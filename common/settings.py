"""Settings from the environment (twelve-factor), each with a local default.

Every variable is named ``WSCC_<FIELD>``; a service's own settings subclass ``ServiceSettings``. Every field typed
``SecretStr`` is a secret and every field typed ``CredentialUrl`` carries a password: in production
(``WSCC_ENV=production``) loading the settings refuses their development defaults (common/production.py), so no
process starts with them.
"""
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from common.production import CREDENTIALS_IN_URL, refuse_development_secrets

# A URL whose user:password@ part is a credential (a database's, the broker's).
CredentialUrl = Annotated[str, CREDENTIALS_IN_URL]


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WSCC_", extra="ignore", populate_by_name=True)

    # "production" refuses every development secret and turns on HSTS and Secure cookies.
    env: Literal["development", "production"] = "development"
    broker_url: CredentialUrl = "amqp://guest:guest@127.0.0.1:5672//"
    events_exchange: str = "wscc.events"
    internal_token_secret: SecretStr = Field(default=SecretStr("dev-only-internal-secret"), min_length=16)
    internal_token_max_age: int = 60
    log_level: str = "INFO"
    # stdout: "console" (one short line per request or handled event, for people) or "json" (for collectors);
    # "auto" is json in production, console otherwise.
    log_format: Literal["auto", "console", "json"] = "auto"
    # When set, each process also writes every record as JSON to <log_dir>/<process>.log (make dev: var/log).
    log_dir: Path | None = None
    data_dir: Path = Path("var")
    outbox_batch_size: int = 200

    @property
    def in_production(self) -> bool:
        return self.env == "production"

    @property
    def console_logs(self) -> bool:
        return self.log_format == "console" or (self.log_format == "auto" and not self.in_production)

    @model_validator(mode="after")
    def _no_development_secrets_in_production(self) -> "ServiceSettings":
        if self.in_production:
            refuse_development_secrets(self)
        return self


def sqlite_default(service: str) -> str:
    """The zero-set-up database: a SQLite file per service under var/."""
    return f"sqlite:///var/{service}.sqlite3"
