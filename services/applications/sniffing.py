"""What a document really is, told by its content (never by its name or the type the browser claimed).

Only PDF, JPEG and PNG are accepted. The first bytes must carry the format's signature; images are then opened with
Pillow (present through fpdf2) to refuse a signature glued onto something else.
"""
from __future__ import annotations

import re
from pathlib import Path

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG"}


def sniff(head: bytes) -> str | None:
    """The content type the first bytes announce, or None for anything else."""
    if PDF_HEADER.match(head):
        return PDF
    if head.startswith(JPEG_SIGNATURE):
        return JPEG
    if head.startswith(PNG_SIGNATURE):
        return PNG
    return None


def image_is_sound(path: Path, content_type: str) -> bool:
    """True unless Pillow, when installed, finds the file is not a readable image of that format."""
    try:
        from PIL import Image
    except ImportError:  # optional: the signature check stands alone without it
        return True
    try:
        with Image.open(path, formats=[PILLOW_FORMATS[content_type]]) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds on a malformed or hostile file: all mean "not an image"
        return False
    return True


def detect_type(path: Path, head: bytes) -> str | None:
    """The accepted content type of the file at ``path`` whose first bytes are ``head``, or None."""
    content_type = sniff(head)
    if content_type in PILLOW_FORMATS and not image_is_sound(path, content_type):
        return None
    return content_type
