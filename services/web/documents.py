"""A document passed from the applications service to the browser, never interpreted by the portal's pages.

It opens in the browser (or downloads) under headers that keep it inert: the type the service detected from the
content, no sniffing, and a sandbox policy so that a crafted file cannot run script with the portal's cookies.
Only the portal's own pages may frame it (the reviewer's page shows it beside the decision forms). Sizes are
said in megabytes, as the reader's language writes numbers (the upload form, its refusals, the 413 page).
"""
from __future__ import annotations

from urllib.parse import quote

import requests
from babel.numbers import format_decimal
from flask import Response, current_app, stream_with_context
from werkzeug.http import parse_options_header

from services.web.i18n import current_language

DOCUMENT_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
SHOWN_TYPES = {"application/pdf", "image/jpeg", "image/png"}
CHUNK = 64 * 1024


def max_megabytes() -> str:
    """The document size limit in megabytes."""
    return megabytes(current_app.config["WSCC_SETTINGS"].max_document_bytes)


def megabytes(size: int) -> str:
    """A size in megabytes, as the reader's language writes the number ("10", "0,5")."""
    return format_decimal(size / (1024 * 1024), format="#,##0.##", locale=current_language())


def document_response(upstream: requests.Response, download: bool = False) -> Response:
    filename = parse_options_header(upstream.headers.get("Content-Disposition", ""))[1].get("filename")
    content_type = upstream.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in SHOWN_TYPES:
        content_type, download = "application/octet-stream", True  # never let an unexpected type render

    def body():
        with upstream:
            yield from upstream.iter_content(CHUNK)

    disposition = "attachment" if download else "inline"
    headers = {
        "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(filename or 'document', safe='')}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOCUMENT_POLICY,
        "Cache-Control": "private, no-store",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if upstream.headers.get("Content-Length"):
        headers["Content-Length"] = upstream.headers["Content-Length"]
    return Response(stream_with_context(body()), content_type=content_type, headers=headers)
