"""Deleting the files of decided applications once the retention period has passed (their metadata stays)."""
from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from sqlalchemy import select

from common.runtime import ServiceRuntime
from services.applications import storage
from services.applications.models import Application, Document
from services.applications.settings import Settings
from services.applications.transitions import DECIDED

log = logging.getLogger(__name__)
MAX_BATCHES_PER_RUN = 50
STALE_UPLOAD_SECONDS = 3600


def purge_expired_documents(runtime: ServiceRuntime[Settings], now: datetime) -> int:
    """Delete due files in bounded batches; returns how many. Two workers running it at once take different rows
    (SKIP LOCKED), and a rerun finds nothing left to do."""
    settings = runtime.settings
    cutoff = now - timedelta(days=settings.document_retention_days)
    purged = 0
    for _ in range(MAX_BATCHES_PER_RUN):
        with runtime.db.unit_of_work() as session:
            due = session.scalars(
                select(Document).join(Application, Document.application_id == Application.id)
                .where(Document.purged_at.is_(None), Application.status.in_(DECIDED),
                       Application.decided_at <= cutoff)
                .order_by(Document.uploaded_at).limit(settings.document_purge_batch_size)
                .with_for_update(of=Document, skip_locked=True)).all()
            for document in due:
                # Deleted before the commit: if the commit fails the row is purged again later, and a file
                # already gone is fine.
                storage.remove(storage.document_path(settings.documents_dir, document.application_id, document.id),
                               tidy=True)
                document.purged_at = now
        purged += len(due)
        if len(due) < settings.document_purge_batch_size:
            break
    # File times are the file system's: compared with the real clock, never with an injected ``now``.
    stale = storage.remove_stale_uploads(settings.documents_dir, STALE_UPLOAD_SECONDS, time.time())
    if purged or stale:
        log.info("documents purged", extra={"count": purged, "cutoff": cutoff.isoformat(), "stale_uploads": stale})
    return purged
