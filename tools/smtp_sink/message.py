"""Turn raw RFC 5322 bytes into the JSON the API serves (decoded, not raw MIME)."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Envelope

# What a sender's tests typically want to assert on without fetching the raw
# message: addressing, localisation, threading and bulk-mail etiquette.
HEADERS_OF_INTEREST = (
    "To",
    "Cc",
    "Reply-To",
    "Content-Language",
    "Content-Type",
    "In-Reply-To",
    "References",
    "Auto-Submitted",
    "Precedence",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
)


def _parse(raw: bytes) -> EmailMessage:
    # policy.default decodes RFC 2047 words ("=?utf-8?q?...?=") in headers and
    # gives get_body()/get_content(); malformed input becomes defects, not errors.
    return BytesParser(policy=policy.default).parsebytes(raw)


def _header(msg: EmailMessage, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:
        # A header too broken for the policy's parser: show it undecoded rather
        # than failing the whole listing because of one bad message.
        wanted = name.lower()
        value = next((v for k, v in msg.raw_items() if k.lower() == wanted), None)
    return None if value is None else str(value)


def _decoded(msg: EmailMessage, name: str, raw_value: str) -> str:
    try:
        return str(msg.policy.header_fetch_parse(name, raw_value))
    except Exception:
        return raw_value


def _part_text(part: EmailMessage | None) -> str | None:
    if part is None:
        return None
    try:
        text = part.get_content()
    except (LookupError, ValueError, AssertionError):
        # Unknown charset or odd encoding: still show something readable.
        payload = part.get_payload(decode=True) or b""
        text = payload.decode("utf-8", "replace")
    # SMTP puts CRLF on the wire; callers compare against Python strings.
    return text.replace("\r\n", "\n")


def _header_recipients(msg: EmailMessage) -> list[str]:
    values = [v for v in (_header(msg, "To"), _header(msg, "Cc")) if v]
    return [addr for _, addr in getaddresses(values) if addr]


def summarize(message_id: str, envelope: "Envelope", raw: bytes) -> dict:
    msg = _parse(raw)
    header_recipients = _header_recipients(msg)
    # The envelope is who actually received it (Bcc included); files dropped in
    # by hand have no envelope, so fall back to what the headers claim.
    to = envelope.rcpt_tos or header_recipients
    return {
        "id": message_id,
        "from": _header(msg, "From"),
        "envelope_from": envelope.mail_from or None,
        "to": to,
        "subject": _header(msg, "Subject"),
        "date": _header(msg, "Date"),
        "received_at": envelope.received_at or None,
        "message_id": _header(msg, "Message-ID"),
        "headers": {
            name: _header(msg, name) for name in HEADERS_OF_INTEREST if name in msg
        },
        "size": len(raw),
        # Not serialised as its own field; used by the ?to= filter.
        "_recipients": sorted({a.lower() for a in [*to, *header_recipients]}),
    }


def public(summary: dict) -> dict:
    """Drop the internal keys before a summary leaves the process."""
    return {k: v for k, v in summary.items() if not k.startswith("_")}


def describe(message_id: str, envelope: "Envelope", raw: bytes) -> dict:
    msg = _parse(raw)
    result = public(summarize(message_id, envelope, raw))
    text_part = msg.get_body(preferencelist=("plain",))
    html_part = msg.get_body(preferencelist=("html",))
    result["text"] = _part_text(text_part)
    result["html"] = _part_text(html_part)
    attachments = []
    for part in msg.walk():
        if part.is_multipart() or part is text_part or part is html_part:
            continue
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        if disposition == "attachment" or filename:
            payload = part.get_payload(decode=True) or b""
            attachments.append(
                {
                    "filename": filename,
                    "content_type": part.get_content_type(),
                    "disposition": disposition,
                    "size": len(payload),
                }
            )
    result["attachments"] = attachments
    result["all_headers"] = [
        [name, _decoded(msg, name, value)] for name, value in msg.raw_items()
    ]
    return result
