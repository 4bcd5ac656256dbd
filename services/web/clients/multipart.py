"""An uploaded file forwarded as multipart/form-data without holding it in memory.

``requests`` builds a ``files=`` body in memory; this body is read piece by piece from the upload's spooled file
instead, and has a length, so it goes out with a Content-Length rather than chunked.
"""
from __future__ import annotations

import os
import secrets
from typing import IO

CHUNK = 64 * 1024


def _quoted(value: str) -> str:
    """A header parameter value: quotes and line breaks cannot end it early."""
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", " ").replace("\n", " ")


class MultipartBody:
    """Text fields, then one file; a file-like object ``requests`` streams (it reads, and knows the length)."""

    def __init__(self, fields: dict[str, str], file_field: str, filename: str, content_type: str,
                 stream: IO[bytes]) -> None:
        self.boundary = "wscc-" + secrets.token_hex(16)
        head = b"".join(self._part(name, value.encode()) for name, value in fields.items())
        head += (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                 f'filename="{_quoted(filename)}"\r\nContent-Type: {content_type}\r\n\r\n').encode()
        self._pieces = [head, stream, f"\r\n--{self.boundary}--\r\n".encode()]
        self._file_size = _remaining(stream)
        self._length = len(head) + self._file_size + len(self._pieces[2])

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return self._length

    def _part(self, name: str, value: bytes) -> bytes:
        return (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{_quoted(name)}"\r\n\r\n'.encode()
                + value + b"\r\n")

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size is None or size < 0 else size
        while self._pieces:
            piece = self._pieces[0]
            if isinstance(piece, bytes):
                self._pieces[0], chunk = piece[size:], piece[:size]
                if not self._pieces[0]:
                    self._pieces.pop(0)
            else:
                chunk = piece.read(size)
                if not chunk:
                    self._pieces.pop(0)
                    continue
            if chunk:
                return chunk
        return b""


def _remaining(stream: IO[bytes]) -> int:
    """Bytes from the current position to the end (the upload is a seekable spooled file)."""
    start = stream.tell()
    end = stream.seek(0, os.SEEK_END)
    stream.seek(start)
    return end - start
