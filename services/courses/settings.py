from pydantic import Field, SecretStr, field_validator

from common.settings import CredentialUrl, ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("courses"), validation_alias="WSCC_COURSES_DATABASE_URL")
    # An answer or a submission that arrives this long after the deadline still counts: network lag, not time.
    exam_grace_seconds: int = Field(default=30, ge=0, le=600)
    # Days before a certificate expires when its holder and their company are reminded (env: a JSON list).
    certificate_reminder_days: list[int] = Field(default=[90, 30], min_length=1)
    # Rows handled per transaction by the sweeps (attempts past their deadline, access ended, reminders).
    courses_sweep_batch_size: int = Field(default=200, ge=1)
    signoff_queue_limit: int = Field(default=500, ge=1)
    # A question bank file in Moodle XML may be at most this big.
    max_bank_file_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    # The portal as people reach it: credentials name their issuer, status lists and verification pages under it.
    public_url: str = "http://127.0.0.1:5000"
    # The Open Badges credentials' Ed25519 signing key is derived from this secret; changing it makes every
    # credential issued before fail to verify.
    badge_signing_secret: SecretStr = Field(default=SecretStr("dev-only-badge-signing-secret"), min_length=16)
    issuer_name: str = "Workers' Safety and Compensation Commission (WSCC), Northwest Territories and Nunavut"

    @field_validator("public_url")
    @classmethod
    def _without_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

