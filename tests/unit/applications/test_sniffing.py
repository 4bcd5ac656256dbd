"""A document's type is told by its content: PDF, JPEG and PNG only, whatever the name says."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from services.applications.sniffing import JPEG, PDF, PNG, detect_type, sniff


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "teal").save(buffer, kind)
    return buffer.getvalue()


def written(tmp_path: Path, content: bytes, name: str = "x.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(("content", "expected"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", PDF),
    (b"%PDF-2.0\n", PDF),
    (image_bytes("JPEG"), JPEG),
    (image_bytes("PNG"), PNG),
])
def test_pdf_jpeg_and_png_are_recognised_by_their_content(tmp_path, content, expected):
    assert detect_type(written(tmp_path, content, "renamed.txt"), content[:16]) == expected


@pytest.mark.parametrize("content", [
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff",  # Windows executable
    b"\x7fELF\x02\x01\x01\x00",  # Linux executable
    b"<html><body onload=alert(1)>",
    b"  %PDF-1.7 but not at the start",
    b"PK\x03\x04\x14\x00\x06\x00",  # ZIP, and so .docx
    b"GIF89a\x01\x00\x01\x00",
    b"%PDF-",  # cut short
    b"%!PS-Adobe-3.0",
    b"",
])
def test_anything_else_named_x_pdf_is_refused(tmp_path, content):
    assert detect_type(written(tmp_path, content), content[:16]) is None


@pytest.mark.parametrize("signature", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"])
def test_an_image_signature_glued_onto_something_else_is_refused(tmp_path, signature):
    content = signature + b"<script>alert(1)</script>" * 10
    assert sniff(content[:16]) is not None
    assert detect_type(written(tmp_path, content), content[:16]) is None


def test_a_truncated_png_is_refused(tmp_path):
    content = image_bytes("PNG")[:-20]
    assert detect_type(written(tmp_path, content), content[:16]) is None
