"""An employee's documents: upload (checked by content and size), removal, and reading a file back."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from common.clock import utcnow
from common.db import after_commit
from common.refusals import Conflict, Gone, Invalid, NotFound
from common.runtime import ServiceRuntime
from services.applications import storage
from services.applications.applying import editable_application, own_application
from services.applications.filenames import display_filename
from services.applications.models import Application, Document
from services.applications.representations import document_json
from services.applications.settings import Settings
from services.applications.sniffing import detect_type
from services.applications.transitions import EDITABLE
from services.applications.upload_limits import check_room


def _check_target(session: Session, employee_id: uuid.UUID, application_id: uuid.UUID, requirement_code: Any,
                  for_update: bool) -> Application:
    application = (editable_application(session, employee_id, application_id) if for_update
                   else own_application(session, employee_id, application_id))
    if application.status not in EDITABLE:
        raise Conflict("not_editable")
    if requirement_code not in {requirement.code for requirement in application.certification.requirements}:
        raise Invalid("unknown_requirement", {"requirement_code": "unknown"})
    return application


def upload_document(runtime: ServiceRuntime[Settings], employee_id: uuid.UUID, application_id: uuid.UUID,
                    requirement_code: Any, stream: BinaryIO | None, original_name: str | None) -> dict:
    settings = runtime.settings
    with runtime.db.reading() as session:  # refuse early, before writing anything to disk
        application = _check_target(session, employee_id, application_id, requirement_code, for_update=False)
        check_room(session, application, requirement_code, None, settings)
    if stream is None:
        raise Invalid("empty_file", {"file": "required"})
    try:
        received = storage.receive(stream, settings.documents_dir, settings.max_document_bytes)
    except storage.TooLarge:
        raise Invalid("too_large", {"file": "too_large"}) from None
    destination: Path | None = None
    try:
        if received.size == 0:
            raise Invalid("empty_file", {"file": "empty"})
        content_type = detect_type(received.path, received.head)
        if content_type is None:
            raise Invalid("unsupported_type", {"file": "unsupported_type"})
        document_id = uuid.uuid4()
        destination = storage.document_path(settings.documents_dir, application_id, document_id)
        with runtime.db.unit_of_work() as session:
            application = _check_target(session, employee_id, application_id, requirement_code, for_update=True)
            check_room(session, application, requirement_code, received.size, settings)  # again, under the lock
            storage.place(received, destination)
            document = Document(id=document_id, requirement_code=requirement_code, size=received.size,
                                filename=display_filename(original_name), content_type=content_type,
                                sha256=received.sha256, uploaded_at=utcnow(), purged_at=None)
            application.documents.append(document)
            session.flush()
            return document_json(document)
    except BaseException:
        # Nothing half-done: the file goes unless its row committed.
        storage.remove(received.path)
        if destination is not None:
            storage.remove(destination)
        raise


def delete_document(runtime: ServiceRuntime[Settings], employee_id: uuid.UUID, application_id: uuid.UUID,
                    document_id: uuid.UUID) -> None:
    with runtime.db.unit_of_work() as session:
        application = editable_application(session, employee_id, application_id)
        document = _document_of(application, document_id)
        session.delete(document)
        path = storage.document_path(runtime.settings.documents_dir, application.id, document.id)
        # The file goes only once the row is gone for good.
        after_commit(session, lambda: storage.remove(path))


def stored_file(settings: Settings, application: Application, document_id: uuid.UUID) -> tuple[Document, Path]:
    """The document's metadata and its file; 410 once the retention period deleted it."""
    document = _document_of(application, document_id)
    path = storage.document_path(settings.documents_dir, application.id, document.id)
    if document.purged_at is not None or not path.is_file():
        raise Gone("document_purged")
    return document, path


def _document_of(application: Application, document_id: uuid.UUID) -> Document:
    for document in application.documents:
        if document.id == document_id:
            return document
    raise NotFound("not_found")
