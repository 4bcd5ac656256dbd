"""What web forwards without looking inside: a document, under inert headers."""
from services.web.documents import DOCUMENT_POLICY, document_response


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
