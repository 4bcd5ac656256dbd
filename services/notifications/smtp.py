"""The message on the wire (MIME, headers) and its delivery over SMTP with smtplib, one connection per e-mail.

Every failure is sorted into temporary (try again later) or permanent (this e-mail will never go). The SMTP
reply codes for this message decide (4xx temporary, 5xx permanent); trouble reaching or talking to the server,
including our own configuration (sign-in, STARTTLS), is temporary: it is not this e-mail's fault, and an
operator can fix it before the retries run out.
"""
from __future__ import annotations

import smtplib
import ssl
import uuid
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from common.clock import utcnow
from services.notifications.rendering import RenderedEmail
from services.notifications.settings import Settings


class DeliveryFailure(Exception):
    def __init__(self, permanent: bool, reason: str) -> None:
        super().__init__(reason)
        self.permanent = permanent


def message_id(notification_id: uuid.UUID, mail_from: str) -> str:
    """Stable per notification, so a retry that reaches the recipient twice shows as the same message."""
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"
    return f"<{notification_id}@{domain}>"


def build_message(notification_id: uuid.UUID, to: Address, email: RenderedEmail, settings: Settings) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Reply-To"] = settings.contact_email
    message["Subject"] = email.subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id(notification_id, settings.mail_from)
    # Tells mail servers not to answer with vacation replies.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(email.text)
    message.add_alternative(email.html, subtype="html")
    # Set after the bodies: add_alternative() moves top-level Content-* headers into the first part.
    message["Content-Language"] = email.language
    return message


def deliver(message: EmailMessage, settings: Settings) -> None:
    """Hand the message to the SMTP server; raises DeliveryFailure saying whether to try again."""
    try:
        _send(message, settings)
    except smtplib.SMTPRecipientsRefused as error:
        replies = list(error.recipients.values())
        permanent = all(500 <= code < 600 for code, _ in replies)
        raise DeliveryFailure(permanent, _describe("recipient refused", *replies[0])) from error
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
        # Replies about this message's sender or content: the reply code decides.
        raise DeliveryFailure(500 <= error.smtp_code < 600,
                              _describe(type(error).__name__, error.smtp_code, error.smtp_error)) from error
    except (smtplib.SMTPException, OSError) as error:
        # Connection refused or dropped, timeouts, greeting/HELO/AUTH/STARTTLS trouble: the server or our setup.
        raise DeliveryFailure(False, f"{type(error).__name__}: {error}") from error


def _send(message: EmailMessage, settings: Settings) -> None:
    client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds)
    try:
        if settings.smtp_starttls:
            client.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            client.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        client.send_message(message)
    finally:
        # Not ``with SMTP()``: its QUIT may raise after the message was accepted, and a retry would send it twice.
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()


def _describe(what: str, code: int, reply: bytes | str) -> str:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return f"{what}: {code} {text}"
