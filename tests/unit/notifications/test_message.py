"""The e-mail as it goes on the wire: headers, both bodies, the language, a Message-ID tied to the notification."""
from __future__ import annotations

import uuid
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser

from services.notifications.rendering import render_email
from services.notifications.settings import Settings
from services.notifications.smtp import build_message, message_id
from tests.unit.notifications.samples import CONTEXTS

SETTINGS = Settings(public_url="https://portal.example/")
NOTIFICATION_ID = uuid.UUID("0b7e3c1a-1111-4222-8333-944455556666")


def french_receipt_on_the_wire():
    email = render_email("payment_receipt", "fr", CONTEXTS["payment_receipt"], recipient_name="Élodie Tremblay",
                         contact_email=SETTINGS.contact_email, display_timezone=SETTINGS.display_timezone)
    message = build_message(NOTIFICATION_ID, Address("Élodie Tremblay", addr_spec="elodie@mines-nord.ca"), email,
                            SETTINGS)
    return email, BytesParser(policy=policy.default).parsebytes(message.as_bytes(policy=policy.SMTP))


def as_sent(message, subtype: str) -> str:
    return message.get_body((subtype,)).get_content().replace("\r\n", "\n")


def test_headers_name_the_program_the_recipient_and_the_language():
    email, parsed = french_receipt_on_the_wire()
    assert parsed["From"] == "WSCC Mine Supervisor Certification <MiningCertification@wsc.nt.ca>"
    assert parsed["To"] == "Élodie Tremblay <elodie@mines-nord.ca>"
    assert parsed["Reply-To"] == "MiningCertification@wsc.nt.ca"
    assert parsed["Subject"] == email.subject == "Reçu de paiement de la commande WSCC-2026-000042"
    assert parsed["Content-Language"] == "fr"
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Date"]


def test_the_message_id_is_derived_from_the_notification():
    _, parsed = french_receipt_on_the_wire()
    assert parsed["Message-ID"] == f"<{NOTIFICATION_ID}@wsc.nt.ca>" == message_id(NOTIFICATION_ID, SETTINGS.mail_from)


def test_text_and_html_travel_as_alternatives():
    email, parsed = french_receipt_on_the_wire()
    assert parsed.get_content_type() == "multipart/alternative"
    assert as_sent(parsed, "plain") == email.text
    assert as_sent(parsed, "html").strip() == email.html.strip()
    # The language header stays on the message itself, not only on a part.
    assert parsed.get_body(("plain",))["Content-Language"] is None
