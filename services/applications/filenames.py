"""The uploader's file name, made safe to show and to put in a download header.

It is only ever displayed: stored files are named by the service (a uuid), never by the user.
"""
from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 120
MAX_SUFFIX = 10
FALLBACK = "document"
# Characters that mean something to a shell, a path, HTML or Windows: replaced, since the name is only shown.
RESERVED = re.compile(r'[<>:"/\\|?*\x00]')


def display_filename(raw: str | None) -> str:
    name = unicodedata.normalize("NFC", raw or "")
    # The last component of any path, whichever separator the uploader's system used.
    name = re.split(r"[/\\]", name)[-1]
    name = re.sub(r"[\t\n\r\v\f]", " ", name)
    # Control, format (e.g. right-to-left override that disguises "exe" as "pdf"), private-use, unassigned.
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    name = RESERVED.sub("_", name)
    name = " ".join(name.split()).strip(". ")
    if not name:
        return FALLBACK
    return _shortened(name)


def _shortened(name: str) -> str:
    if len(name) <= MAX_LENGTH:
        return name
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and len(suffix) <= MAX_SUFFIX:
        return stem[: MAX_LENGTH - len(suffix) - 1].rstrip(". ") + "." + suffix
    return name[:MAX_LENGTH]
