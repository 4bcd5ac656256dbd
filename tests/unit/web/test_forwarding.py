"""What web forwards without looking inside: an upload as multipart (streamed, with a length), a document under
inert headers."""
import io
from email.parser import BytesParser

import requests

from services.web.clients.multipart import MultipartBody
from services.web.documents import DOCUMENT_POLICY, document_response


def test_the_multipart_body_has_its_length_and_parses_back_to_the_field_and_the_file():
    content = bytes(range(256)) * 1000
    body = MultipartBody({"requirement_code": "identity"}, "file", 'scan "1".pdf', "application/pdf",
                         io.BytesIO(content))
    chunks = iter(lambda: body.read(7000), b"")
    raw = b"".join(chunks)
    assert len(raw) == len(body)
    message = BytesParser().parsebytes(f"Content-Type: {body.content_type}\r\n\r\n".encode() + raw)
    field, upload = message.get_payload()
    assert field.get_payload(decode=True) == b"identity"
    assert upload.get_filename() == "scan %221%22.pdf" and upload.get_payload(decode=True) == content


def test_requests_sends_it_with_a_content_length_not_chunked():
    body = MultipartBody({}, "file", "a.png", "image/png", io.BytesIO(b"x" * 10))
    prepared = requests.Request("POST", "http://service/upload", data=body,
                                headers={"Content-Type": body.content_type}).prepare()
    assert prepared.headers["Content-Length"] == str(len(body)) and "Transfer-Encoding" not in prepared.headers


class Upstream:
    """A streamed answer from the applications service."""

    def __init__(self, content_type: str, content: bytes = b"data") -> None:
        self.headers = {"Content-Type": content_type, "Content-Length": str(len(content)),
                        "Content-Disposition": "attachment; filename*=UTF-8''pi%C3%A8ce.pdf"}
        self.content, self.closed = content, False

    def iter_content(self, size: int):
        yield self.content

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True


def test_a_document_opens_inline_under_a_sandbox_with_its_name(app):
    with app.test_request_context("/"):
        response = document_response(Upstream("application/pdf"))
        assert response.headers["Content-Security-Policy"] == DOCUMENT_POLICY
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Disposition"] == "inline; filename*=UTF-8''pi%C3%A8ce.pdf"
        assert response.mimetype == "application/pdf"


def test_an_unexpected_type_is_only_ever_downloaded(app):
    with app.test_request_context("/"):
        response = document_response(Upstream("text/html"))
        assert response.mimetype == "application/octet-stream"
        assert response.headers["Content-Disposition"].startswith("attachment;")
