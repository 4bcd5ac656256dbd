"""Folder of ``.eml`` files: the sink's only state, so it survives restarts.

Each file is the message exactly as received over SMTP, preceded by a few
``X-Sink-*`` header lines carrying the SMTP envelope (sender, recipients, arrival
time). Those lines keep the file a valid RFC 5322 message that any mail client
opens, while still remembering Bcc recipients, which no message header shows.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .message import describe, public, summarize

# Zero-padded arrival number first so a plain `ls` (and sorted()) shows arrival
# order; the uuid keeps names unique even if two sinks share a folder.
_NAME_RE = re.compile(r"^(?P<seq>\d{8,})-(?P<uid>[0-9a-f]{32})$")
_SUFFIX = ".eml"

ENVELOPE_FROM = b"X-Sink-Envelope-From"
ENVELOPE_TO = b"X-Sink-Envelope-To"
RECEIVED_AT = b"X-Sink-Received-At"
PEER = b"X-Sink-Peer"
_ENVELOPE_HEADERS = (ENVELOPE_FROM, ENVELOPE_TO, RECEIVED_AT, PEER)


@dataclass
class Envelope:
    mail_from: str = ""
    rcpt_tos: list[str] = field(default_factory=list)
    received_at: str = ""
    peer: str = ""


def is_valid_id(message_id: str) -> bool:
    """Ids come from URLs; only names we generate may ever reach the filesystem."""
    return bool(_NAME_RE.match(message_id))


def split_envelope(data: bytes) -> tuple[Envelope, bytes]:
    """Separate the sink's envelope lines from the message as it was received."""
    envelope = Envelope()
    rest = data
    while True:
        name, sep, _ = rest.partition(b":")
        if not sep or name not in _ENVELOPE_HEADERS:
            break
        line, newline, remainder = rest.partition(b"\n")
        if not newline:
            break
        value = line[len(name) + 1 :].strip().decode("utf-8", "replace")
        if name == ENVELOPE_FROM:
            envelope.mail_from = value
        elif name == ENVELOPE_TO:
            envelope.rcpt_tos.append(value)
        elif name == PEER:
            envelope.peer = value
        rest = remainder
        if name == RECEIVED_AT:
            # Always our last line: anything after it is the client's message,
            # even if that message itself starts with an X-Sink-* header.
            envelope.received_at = value
            break
    return envelope, rest


def _envelope_lines(envelope: Envelope) -> bytes:
    # SMTP is line based, so envelope addresses cannot carry CR/LF; strip anyway
    # so a bug elsewhere can never turn into header injection in the stored file.
    def line(name: bytes, value: str) -> bytes:
        clean = value.replace("\r", " ").replace("\n", " ")
        return name + b": " + clean.encode("utf-8", "surrogateescape") + b"\r\n"

    out = [line(ENVELOPE_FROM, envelope.mail_from)]
    out += [line(ENVELOPE_TO, rcpt) for rcpt in envelope.rcpt_tos]
    if envelope.peer:
        out.append(line(PEER, envelope.peer))
    out.append(line(RECEIVED_AT, envelope.received_at))  # must stay last
    return b"".join(out)


class MailStore:
    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # Files never change once renamed into place, so parsed summaries can be
        # cached by id for the life of the process.
        self._summaries: dict[str, dict] = {}
        self._next_seq = max((seq for seq, _ in self._scan()), default=0) + 1

    # -- writing -----------------------------------------------------------

    def add(
        self,
        content: bytes,
        mail_from: str,
        rcpt_tos: list[str],
        peer: str = "",
    ) -> str:
        """Store one received message and return its id."""
        envelope = Envelope(
            mail_from=mail_from,
            rcpt_tos=list(rcpt_tos),
            received_at=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            peer=peer,
        )
        with self._lock:
            seq = self._next_seq
            self._next_seq += 1
        message_id = f"{seq:08d}-{uuid.uuid4().hex}"
        final = self._path(message_id)
        # Write under a name the listing ignores, then rename: readers (the HTTP
        # API, or tests reading the folder) never see a half-written message.
        tmp = self.directory / f".{message_id}.tmp"
        try:
            with open(tmp, "xb") as fh:
                fh.write(_envelope_lines(envelope))
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return message_id

    def clear(self) -> int:
        """Delete every stored message; returns how many were deleted."""
        deleted = 0
        for _, path in self._scan():
            try:
                path.unlink()
                deleted += 1
            except FileNotFoundError:
                pass  # someone else (another request, a test) got there first
        with self._lock:
            self._summaries.clear()
        return deleted

    # -- reading -----------------------------------------------------------

    def _scan(self) -> list[tuple[int, Path]]:
        found = []
        for path in self.directory.glob("*" + _SUFFIX):
            match = _NAME_RE.match(path.stem)
            if match:
                found.append((int(match["seq"]), path))
        found.sort(key=lambda item: (item[0], item[1].name))
        return found

    def _path(self, message_id: str) -> Path:
        return self.directory / (message_id + _SUFFIX)

    def ids(self) -> list[str]:
        """All message ids, oldest first."""
        return [path.stem for _, path in self._scan()]

    def read(self, message_id: str) -> bytes | None:
        """The stored file (envelope lines + message), or None if unknown."""
        if not is_valid_id(message_id):
            return None
        try:
            return self._path(message_id).read_bytes()
        except FileNotFoundError:
            return None

    def raw(self, message_id: str) -> bytes | None:
        """The message exactly as the client sent it over SMTP."""
        data = self.read(message_id)
        return None if data is None else split_envelope(data)[1]

    def summary(self, message_id: str) -> dict | None:
        """What the listing shows for one message, or None if unknown."""
        cached = self._summary(message_id)
        return None if cached is None else public(cached)

    def _summary(self, message_id: str) -> dict | None:
        with self._lock:
            cached = self._summaries.get(message_id)
        # The folder is shared with whoever else looks at it (tests delete files
        # directly), so a cached entry only counts while its file is still there.
        if cached is not None and self._path(message_id).exists():
            return cached
        data = self.read(message_id)
        if data is None:
            return None
        envelope, raw = split_envelope(data)
        result = summarize(message_id, envelope, raw)
        with self._lock:
            self._summaries[message_id] = result
        return result

    def detail(self, message_id: str) -> dict | None:
        data = self.read(message_id)
        if data is None:
            return None
        envelope, raw = split_envelope(data)
        return describe(message_id, envelope, raw)

    def list(self, to: str | None = None) -> list[dict]:
        """Summaries oldest first (newest last), optionally only those sent to `to`."""
        wanted = to.strip().lower() if to else None
        result = []
        for message_id in self.ids():
            summary = self._summary(message_id)
            if summary is None:
                continue  # deleted between the scan and the read
            if wanted and wanted not in summary["_recipients"]:
                continue
            result.append(public(summary))
        return result
