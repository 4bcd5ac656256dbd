from pathlib import Path

from pydantic import Field

from common.settings import CredentialUrl, ServiceSettings, sqlite_default


class Settings(ServiceSettings):
    database_url: CredentialUrl = Field(default=sqlite_default("applications"),
                              validation_alias="WSCC_APPLICATIONS_DATABASE_URL")
    # Uploaded documents live here, never under a web root: only this service's API reads them back.
    documents_dir: Path = Path("var/documents")
    max_document_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    # What one employee may keep, so that nobody fills the disk: remove a file to add another.
    max_files_per_requirement: int = Field(default=5, ge=1)
    max_files_per_application: int = Field(default=20, ge=1)
    max_document_bytes_per_person: int = Field(default=100 * 1024 * 1024, ge=1)
    # The employee may use a license until approval + this many days.
    redemption_window_days: int = Field(default=90, ge=1)
    # Files of decided applications are deleted this long after the decision (their metadata is kept).
    document_retention_days: int = Field(default=730, ge=1)
    document_purge_batch_size: int = Field(default=100, ge=1)
    review_queue_limit: int = Field(default=500, ge=1)
