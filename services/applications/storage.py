"""Where document files live: ``<documents_dir>/<application id>/<document id>``, names the user never chooses.

An upload is streamed to a private temporary file in ``<documents_dir>/.incoming`` (same file system, so placing it
is an atomic rename) and reading stops as soon as it passes the size limit.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 64 * 1024
HEAD_LENGTH = 16


class TooLarge(Exception):
    """The upload passed the size limit; what was read is already deleted."""


@dataclass(frozen=True)
class ReceivedFile:
    path: Path
    size: int
    head: bytes
    sha256: str


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def receive(stream: BinaryIO, root: Path, limit: int) -> ReceivedFile:
    descriptor, name = tempfile.mkstemp(dir=_private_dir(root / ".incoming"), prefix="upload-")
    path, size, head, digest = Path(name), 0, b"", hashlib.sha256()
    try:
        with os.fdopen(descriptor, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise TooLarge(size)
                if len(head) < HEAD_LENGTH:
                    head = (head + chunk)[:HEAD_LENGTH]
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return ReceivedFile(path, size, head, digest.hexdigest())


def document_path(root: Path, application_id: uuid.UUID, document_id: uuid.UUID) -> Path:
    return root / str(application_id) / str(document_id)


def place(received: ReceivedFile, destination: Path) -> None:
    _private_dir(destination.parent)
    os.replace(received.path, destination)


def remove(path: Path, tidy: bool = False) -> None:
    """Delete a stored file (already gone is fine); ``tidy`` also drops its application's folder once empty (only
    for decided applications, which no upload can be racing into)."""
    path.unlink(missing_ok=True)
    if tidy:
        try:
            path.parent.rmdir()
        except OSError:  # not empty, or already gone: either way nothing to do
            pass


def remove_stale_uploads(root: Path, older_than_seconds: float, now_timestamp: float) -> int:
    """Temporary files a killed process left in ``.incoming``; an upload in progress is far younger."""
    incoming, removed = root / ".incoming", 0
    if not incoming.is_dir():
        return 0
    for path in incoming.iterdir():
        try:
            if now_timestamp - path.stat().st_mtime > older_than_seconds:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another worker removed it first
            continue
    return removed
