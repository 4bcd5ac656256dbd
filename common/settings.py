"""Settings from the environment (twelve-factor), each with a local default.

Every variable is named ``WSCC_<FIELD>``; a service's own settings subclass ``ServiceSettings``.
"""
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WSCC_", extra="ignore", populate_by_name=True)

    broker_url: str = "amqp://guest:guest@127.0.0.1:5672//"
    events_exchange: str = "wscc.events"
    internal_token_secret: str = Field(default="dev-only-internal-secret", min_length=16)
    internal_token_max_age: int = 60
    log_level: str = "INFO"
    data_dir: Path = Path("var")
    outbox_batch_size: int = 200


def sqlite_default(service: str) -> str:
    """The zero-set-up database: a SQLite file per service under var/."""
    return f"sqlite:///var/{service}.sqlite3"
