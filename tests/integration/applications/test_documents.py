"""Documents: accepted by content only, 10 MB at most, stored under names of ours, shown under safe names."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.integration.applications.support import PDF_BYTES, png_bytes

TEN_MB = 10 * 1024 * 1024


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


def error_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


@pytest.mark.parametrize(("content", "detected"), [
    (PDF_BYTES, "application/pdf"), (png_bytes(), "image/png"), (jpeg_bytes(), "image/jpeg")])
def test_a_pdf_png_or_jpeg_is_stored_under_our_own_name_and_served_with_its_detected_type(
        employee, applications_system, content, detected):
    draft = employee.apply()
    # The browser's claimed type and the name's extension are both wrong: neither is believed.
    answer = employee.upload(draft["id"], "identity", content, filename="photo.txt", declared_type="text/plain")

    assert answer.status_code == 201, answer.text
    document = answer.json()
    assert (document["content_type"], document["size"], document["filename"]) == (detected, len(content),
                                                                                   "photo.txt")
    stored = Path(applications_system["documents_dir"]) / draft["id"] / document["id"]
    assert stored.read_bytes() == content and oct(stored.stat().st_mode & 0o777) == "0o600"
    served = employee.call("GET", f"/internal/applications/{draft['id']}/documents/{document['id']}/content")
    assert served.status_code == 200 and served.content == content
    assert served.headers["Content-Type"] == detected and served.headers["X-Content-Type-Options"] == "nosniff"
    assert employee.show(draft["id"]).json()["requirements"][0]["documents"] == [document]


@pytest.mark.parametrize("content", [
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,  # a Windows executable
    b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40,  # a ZIP (also .docx and friends)
    b"\x89PNG\r\n\x1a\n" + b"this is not really an image" * 3,  # a signature glued onto something else
    b"%PDF",  # a signature cut short
])
def test_a_file_that_lies_about_its_type_is_refused_and_nothing_is_kept(employee, applications_system, content):
    draft = employee.apply()
    answer = employee.upload(draft["id"], "identity", content, filename="x.pdf")

    assert error_of(answer) == (422, "unsupported_type")
    assert employee.show(draft["id"]).json()["documents"] == []
    assert not (Path(applications_system["documents_dir"]) / draft["id"]).exists()


def test_exactly_10_mb_is_accepted_and_one_byte_more_is_refused(employee, applications_system):
    draft = employee.apply()
    at_limit = PDF_BYTES + b"0" * (TEN_MB - len(PDF_BYTES))

    assert employee.upload(draft["id"], "identity", at_limit).status_code == 201
    assert error_of(employee.upload(draft["id"], "first_aid", at_limit + b"0")) == (422, "too_large")
    assert error_of(employee.upload(draft["id"], "first_aid", at_limit * 3)) == (422, "too_large")
    assert [document["requirement_code"] for document in employee.show(draft["id"]).json()["documents"]] == [
        "identity"]
    incoming = Path(applications_system["documents_dir"]) / ".incoming"
    assert os.listdir(incoming) == []


def test_an_empty_file_a_missing_file_and_an_unknown_requirement_are_refused(employee):
    draft = employee.apply()

    assert error_of(employee.upload(draft["id"], "identity", b"")) == (422, "empty_file")
    assert error_of(employee.call("POST", f"/internal/applications/{draft['id']}/documents",
                                  data={"requirement_code": "identity"})) == (422, "empty_file")
    assert error_of(employee.upload(draft["id"], "passport_photo", PDF_BYTES)) == (422, "unknown_requirement")


@pytest.mark.parametrize(("hostile", "shown"), [
    ("../../etc/passwd", "passwd"),
    ("/home/ann/Relevé d'expérience.pdf", "Relevé d'expérience.pdf"),
    ("<script>.pdf", "_script_.pdf"),
    ("<img src=x onerror=alert(1)>.pdf", "_img src=x onerror=alert(1)_.pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),
    ("tab\tseparated\u200b.pdf", "tab separated.pdf"),
    ("..", "document"),
    ("é" * 300 + ".pdf", "é" * 116 + ".pdf"),
])
def test_a_hostile_file_name_is_only_ever_shown_sanitised(employee, applications_system, hostile, shown):
    draft = employee.apply()
    answer = employee.upload(draft["id"], "identity", PDF_BYTES, filename=hostile)

    assert answer.status_code == 201, answer.text
    assert answer.json()["filename"] == shown
    assert os.listdir(Path(applications_system["documents_dir"]) / draft["id"]) == [answer.json()["id"]]
    served = employee.call("GET", f"/internal/applications/{draft['id']}/documents/{answer.json()['id']}/content")
    assert served.status_code == 200 and "\n" not in served.headers["Content-Disposition"]


def test_documents_can_be_removed_while_a_draft_but_not_once_submitted(employee, applications_system):
    draft = employee.apply()
    extra = employee.upload(draft["id"], "identity", PDF_BYTES).json()
    path = Path(applications_system["documents_dir"]) / draft["id"] / extra["id"]
    assert employee.call("DELETE", f"/internal/applications/{draft['id']}/documents/{extra['id']}").status_code == 204
    assert not path.exists() and employee.show(draft["id"]).json()["missing"][0] == "identity"

    employee.upload_all(draft)
    kept = employee.show(draft["id"]).json()["documents"][0]
    assert employee.submit(draft["id"]).status_code == 200
    assert error_of(employee.call("DELETE", f"/internal/applications/{draft['id']}/documents/{kept['id']}")) == (
        409, "not_editable")
    assert error_of(employee.upload(draft["id"], "identity", PDF_BYTES)) == (409, "not_editable")
