from functools import lru_cache

from pydantic import Field

from common.settings import ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: str = Field(default=sqlite_default("licenses"), validation_alias="WSCC_LICENSES_DATABASE_URL")
    licenses_page_size: int = 50


@lru_cache
def get_settings() -> Settings:
    return Settings()
