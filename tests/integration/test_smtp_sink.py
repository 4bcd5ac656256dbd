"""The local SMTP sink, driven the way the portal's senders and tests will use it:
real SMTP over a socket with smtplib, real HTTP against the JSON API."""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.request
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from tools.smtp_sink import SinkConfig, build_sink

SENDER = "WSCC Licences <licences@wscc.example>"
FRENCH_SUBJECT = "Votre licence WSCC est prête — reçu n° 42 à régler"


# -- helpers -----------------------------------------------------------------


class Api:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def request(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def json(self, method: str, path: str, body: dict | None = None, expect: int = 200):
        status, _, payload = self.request(method, path, body)
        assert status == expect, (status, payload)
        return json.loads(payload)

    def messages(self, to: str | None = None) -> list[dict]:
        path = "/api/messages" + (f"?to={to}" if to else "")
        listing = self.json("GET", path)
        assert listing["count"] == len(listing["messages"])
        return listing["messages"]


def make_message(to: str, subject: str = FRENCH_SUBJECT) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = SENDER
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2025, 3, 14, 9, 30, tzinfo=timezone.utc))
    msg["Message-ID"] = make_msgid(domain="wscc.example")
    msg.set_content("Bonjour Élodie,\nvotre licence est prête.\n")
    msg.add_alternative(
        "<p>Bonjour <strong>Élodie</strong>, votre licence est prête.</p>\n",
        subtype="html",
    )
    # Set after the bodies: add_alternative() moves every Content-* header it
    # finds on the top level down into the text/plain part.
    msg["Content-Language"] = "fr"
    return msg


def send(sink, msg: EmailMessage, to_addrs: list[str] | None = None) -> dict:
    with smtplib.SMTP(sink.smtp_host, sink.smtp_port, timeout=10) as client:
        return client.send_message(msg, to_addrs=to_addrs)


def stored_files(sink) -> list[Path]:
    return sorted(sink.config.mail_dir.glob("*.eml"))


# -- fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sink(tmp_path_factory):
    config = SinkConfig(
        smtp_host="127.0.0.1",
        smtp_port=0,
        http_port=0,
        mail_dir=tmp_path_factory.mktemp("mail"),
    )
    with build_sink(config) as running:
        yield running


@pytest.fixture
def api(sink) -> Api:
    client = Api(sink.http_url)
    # Every test starts from an empty mailbox and no armed faults.
    client.json("DELETE", "/api/messages")
    client.json("DELETE", "/api/faults")
    return client


# -- storing and reading mail ----------------------------------------------------


def test_health_endpoint_answers(api):
    assert api.json("GET", "/healthz") == {"status": "ok"}


def test_multipart_french_message_is_listed_with_decoded_subject_and_bodies(sink, api):
    msg = make_message("client@example.org")
    refused = send(sink, msg)
    assert refused == {}

    [listed] = api.messages()
    assert listed["subject"] == FRENCH_SUBJECT
    assert listed["from"] == SENDER
    assert listed["to"] == ["client@example.org"]
    assert listed["message_id"] == msg["Message-ID"]
    assert listed["date"] == msg["Date"]
    assert listed["headers"]["Content-Language"] == "fr"
    assert listed["size"] > 0

    detail = api.json("GET", f"/api/messages/{listed['id']}")
    assert detail["subject"] == FRENCH_SUBJECT
    assert detail["text"] == "Bonjour Élodie,\nvotre licence est prête.\n"
    assert "<strong>Élodie</strong>" in detail["html"]
    assert detail["attachments"] == []

    # The subject went over the wire RFC 2047-encoded; the raw endpoint gives
    # back exactly that, and it parses to the same message.
    status, headers, raw = api.request("GET", f"/api/messages/{listed['id']}/raw")
    assert status == 200
    assert headers.get_content_type() == "message/rfc822"
    assert FRENCH_SUBJECT.encode() not in raw
    reparsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert reparsed["Subject"] == FRENCH_SUBJECT
    assert reparsed["Message-ID"] == msg["Message-ID"]

    # Tests may also read the folder directly: one complete .eml per message.
    [path] = stored_files(sink)
    assert path.stem == listed["id"]
    on_disk = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert on_disk["Subject"] == FRENCH_SUBJECT
    assert on_disk.get_body(("plain",)).get_content().startswith("Bonjour Élodie")


def test_attachments_are_listed_by_name_and_type(sink, api):
    msg = make_message("client@example.org")
    msg.add_attachment(
        b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="reçu-42.pdf"
    )
    send(sink, msg)

    [listed] = api.messages()
    detail = api.json("GET", f"/api/messages/{listed['id']}")
    assert detail["attachments"] == [
        {
            "filename": "reçu-42.pdf",
            "content_type": "application/pdf",
            "disposition": "attachment",
            "size": len(b"%PDF-1.4 fake"),
        }
    ]
    assert "Élodie" in detail["text"]


def test_messages_are_listed_in_arrival_order_newest_last(sink, api):
    for n in range(1, 4):
        send(sink, make_message("client@example.org", subject=f"Relance n° {n}"))
    assert [m["subject"] for m in api.messages()] == ["Relance n° 1", "Relance n° 2", "Relance n° 3"]
    assert [p.stem for p in stored_files(sink)] == [m["id"] for m in api.messages()]


def test_to_filter_returns_only_mail_for_that_recipient(sink, api):
    send(sink, make_message("alice@example.org", subject="Pour Alice"))
    send(sink, make_message("bob@example.org", subject="Pour Bob"))
    # Bcc recipients exist only in the SMTP envelope, not in any header.
    send(
        sink,
        make_message("alice@example.org", subject="Alice, copie cachée à Carol"),
        to_addrs=["alice@example.org", "carol@example.org"],
    )

    assert [m["subject"] for m in api.messages(to="bob@example.org")] == ["Pour Bob"]
    assert [m["subject"] for m in api.messages(to="CAROL@example.org")] == [
        "Alice, copie cachée à Carol"
    ]
    assert len(api.messages(to="alice@example.org")) == 2
    assert api.messages(to="nobody@example.org") == []
    assert len(api.messages()) == 3


def test_clear_empties_the_api_and_the_folder(sink, api):
    send(sink, make_message("alice@example.org"))
    send(sink, make_message("bob@example.org"))
    assert len(stored_files(sink)) == 2

    assert api.json("DELETE", "/api/messages") == {"deleted": 2}
    assert api.messages() == []
    assert stored_files(sink) == []


def test_unknown_or_malformed_message_ids_are_404(api):
    assert api.request("GET", "/api/messages/00000001-" + "0" * 32)[0] == 404
    assert api.request("GET", "/api/messages/..%2F..%2Fetc%2Fpasswd")[0] == 404
    assert api.request("GET", "/api/messages/nope/raw")[0] == 404
    assert api.request("GET", "/messages/nope")[0] == 404


def test_html_pages_list_messages_and_escape_their_content(sink, api):
    send(
        sink,
        make_message("alice@example.org", subject="<script>alert(1)</script> prête"),
    )
    [listed] = api.messages()

    status, headers, body = api.request("GET", "/")
    page = body.decode()
    assert status == 200
    assert headers.get_content_type() == "text/html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; prête" in page
    assert "<script>" not in page
    assert f'href="/messages/{listed["id"]}"' in page

    status, _, body = api.request("GET", f"/messages/{listed['id']}")
    page = body.decode()
    assert status == 200
    assert "Bonjour Élodie" in page
    assert "&lt;strong&gt;Élodie&lt;/strong&gt;" in page  # HTML body shown as source
    assert "<script>" not in page


# -- fault injection -----------------------------------------------------------


def test_temporary_failure_refuses_recipient_with_451_and_stores_nothing(sink, api):
    assert api.json("POST", "/api/faults", {"temporary_failures": 1})["temporary_failures"] == 1

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(sink, make_message("client@example.org"))
    code, reply = refused.value.recipients["client@example.org"]
    assert code == 451
    assert b"4.3.0 Temporary failure" in reply
    assert api.messages() == []
    assert stored_files(sink) == []
    assert api.json("GET", "/api/faults")["temporary_failures"] == 0

    # The fault is used up: the sender's retry goes through.
    assert send(sink, make_message("client@example.org")) == {}
    assert [m["subject"] for m in api.messages()] == [FRENCH_SUBJECT]


def test_faults_armed_for_one_recipient_spare_mail_to_others(sink, api):
    api.json("POST", "/api/faults", {"temporary_failures": 1, "recipient": "Target@Example.org"})

    assert send(sink, make_message("bystander@example.org")) == {}
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(sink, make_message("target@example.org"))
    assert send(sink, make_message("target@example.org")) == {}
    assert [m["to"] for m in api.messages()] == [["bystander@example.org"], ["target@example.org"]]


def test_temporary_failure_at_data_raises_data_error(sink, api):
    api.json("POST", "/api/faults", {"temporary_failures": 1, "stages": ["data"]})

    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(sink, make_message("client@example.org"))
    assert refused.value.smtp_code == 451
    assert api.messages() == []

    send(sink, make_message("client@example.org"))
    assert len(api.messages()) == 1


def test_sender_retrying_with_backoff_gets_through_after_temporary_failures(sink, api):
    api.json("POST", "/api/faults", {"temporary_failures": 2})

    attempts = 0
    for _ in range(5):
        attempts += 1
        try:
            send(sink, make_message("client@example.org"))
            break
        except smtplib.SMTPRecipientsRefused as exc:
            assert exc.recipients["client@example.org"][0] == 451
    assert attempts == 3
    assert len(api.messages()) == 1


def test_permanent_failure_refuses_with_550(sink, api):
    api.json("POST", "/api/faults", {"permanent_failures": 1})

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(sink, make_message("client@example.org"))
    assert refused.value.recipients["client@example.org"][0] == 550
    assert api.messages() == []

    send(sink, make_message("client@example.org"))
    assert len(api.messages()) == 1


def test_faults_can_be_inspected_and_cleared(api):
    armed = api.json("POST", "/api/faults", {"temporary_failures": 3, "permanent_failures": 1})
    assert armed == {"temporary_failures": 3, "permanent_failures": 1, "stages": ["rcpt", "data"], "recipient": None}
    assert api.json("GET", "/api/faults") == armed

    cleared = api.json("DELETE", "/api/faults")
    assert cleared["temporary_failures"] == 0
    assert cleared["permanent_failures"] == 0


def test_bad_fault_requests_are_rejected(api):
    api.json("POST", "/api/faults", {"temporary_failures": -1}, expect=400)
    api.json("POST", "/api/faults", {"temporary_failures": "2"}, expect=400)
    api.json("POST", "/api/faults", {"temporary_falures": 2}, expect=400)
    api.json("POST", "/api/faults", {"temporary_failures": 1, "stages": ["helo"]}, expect=400)
    assert api.json("GET", "/api/faults")["temporary_failures"] == 0


def test_smtp_auth_is_accepted_so_production_like_settings_work(sink, api):
    with smtplib.SMTP(sink.smtp_host, sink.smtp_port, timeout=10) as client:
        client.login("portal", "any-password")
        client.send_message(make_message("client@example.org"))
    assert len(api.messages()) == 1


# -- persistence ---------------------------------------------------------------


def test_store_survives_a_restart_over_the_same_folder(tmp_path):
    config = SinkConfig(smtp_host="127.0.0.1", smtp_port=0, http_port=0, mail_dir=tmp_path)

    with build_sink(config) as first:
        send(first, make_message("client@example.org", subject="Avant redémarrage"))
        before = Api(first.http_url).messages()

    with build_sink(config) as second:
        api = Api(second.http_url)
        assert api.messages() == before
        assert api.messages()[0]["subject"] == "Avant redémarrage"

        # New mail still lands after the old one, not before it.
        send(second, make_message("client@example.org", subject="Après redémarrage"))
        assert [m["subject"] for m in api.messages()] == [
            "Avant redémarrage",
            "Après redémarrage",
        ]
        detail = api.json("GET", f"/api/messages/{before[0]['id']}")
        assert detail["text"].startswith("Bonjour Élodie")
