from pydantic import Field

from common.settings import CredentialUrl, ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("licenses"),
                                        validation_alias="WSCC_LICENSES_DATABASE_URL")
    licenses_page_size: int = 50
    # Guessing codes: wrong codes (well-formed, no such license) allowed per employee account in its window
    # (seconds), and per client address in the address's window. One person: 10 in 15 minutes. One address may
    # be a whole mine camp behind one connection: 300 an hour lets a few hundred people each get a code wrong,
    # while a guessing run is held to 300 of 2^95 codes an hour (typos caught by the check character never count).
    claim_max_failures_per_account: int = Field(default=10, ge=1)
    claim_failure_window_seconds: int = Field(default=900, ge=1)
    claim_max_failures_per_address: int = Field(default=300, ge=1)
    claim_address_window_seconds: int = Field(default=3600, ge=1)
    # Days before redeem_by when the employee and the company are reminded (env: a JSON list, e.g. "[30,7,1]").
    license_reminder_days: list[int] = Field(default=[30, 7, 1], min_length=1)
    # Licenses changed per transaction by the reminder and expiry sweeps.
    license_sweep_batch_size: int = Field(default=1000, ge=1)
