"""No secret where an operator can read it: after a password reset (and the confirmation before it), the links'
tokens are in the e-mails only, not in Flower's tasks, any process's log, the outbox event or the send log."""
from __future__ import annotations

import json
import re
import uuid
from urllib.parse import urlsplit

import requests
from sqlalchemy import select

from common.runtime import ServiceRuntime
from services.notifications.models import Notification
from services.web.models import Outbox
from tests.e2e.test_operations import flower_hears_from, flower_tasks
from tests.waiting import wait_for

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD, NEW_PASSWORD = "tern quarry lantern oboe", "gravel heron mitten cobalt"


class Browser:
    """An HTTP client that fills the portal's forms with their CSRF tokens."""

    def __init__(self, web_url: str) -> None:
        self.web_url, self.http = web_url, requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.web_url + path, allow_redirects=False, timeout=15)

    def submit(self, path: str, data: dict | None = None, form_page: str | None = None) -> requests.Response:
        token = CSRF.search(self.get(form_page or path).text).group(1)
        return self.http.post(self.web_url + path, data={"csrf_token": token, **(data or {})},
                              allow_redirects=False, timeout=15)


def emailed_link(mailbox, address: str, kind: str) -> str:
    """The path of the newest ``kind`` link ("register/confirm" or "password/reset") e-mailed to ``address``."""
    pattern = re.compile(rf"https?://\S+/{kind}/\S+")

    def found() -> list[str]:
        return [match for message in mailbox.messages_to(address) for match in pattern.findall(message["text"])]

    return urlsplit(wait_for(found, timeout=60, interval=0.25)[-1]).path


def test_reset_and_confirmation_tokens_are_nowhere_but_in_the_emails(system, processes, mailbox, web_runtime,
                                                                    notifications_runtime):
    processes.ensure("flower")
    assert wait_for(lambda: flower_hears_from("notifications@", system), timeout=30)
    email = f"secrets-{uuid.uuid4().hex[:8]}@mines.example"
    person = Browser(system.url("WEB_PORT"))
    registered = person.submit("/register", {
        "legal_name": "Secretive Mines Ltd.", "representative_name": "Sam Secret", "email": email,
        "phone": "867-555-0100", "mailing_address": "1 Main St", "language": "en", "password": PASSWORD,
        "confirm": PASSWORD})
    assert registered.status_code == 200 and "Check your e-mail" in registered.text
    confirmation = emailed_link(mailbox, email, "register/confirm")
    assert person.submit(confirmation).headers["Location"] == "/dashboard"
    person.submit("/logout", form_page="/account")

    assert "Check your e-mail" in person.submit("/password/forgot", {"email": email}).text
    reset = emailed_link(mailbox, email, "password/reset")
    assert person.get(reset).status_code == 200
    assert person.submit(reset, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).headers["Location"] == "/login"
    assert person.get(reset).status_code == 404  # once only
    assert person.submit("/login", {"email": email, "password": NEW_PASSWORD}).status_code == 302

    [event] = [message for message in outbox_messages(web_runtime, "user.password_reset_requested")
               if message["data"]["email"] == email]
    # Flower saw the e-mail's handler run (it names its event by type and id).
    assert wait_for(lambda: [task for task in flower_tasks(system).values()
                             if event["id"] in str(task.get("args")) and task.get("state") == "SUCCESS"], timeout=30)

    tokens = [path.rsplit("/", 1)[1] for path in (confirmation, reset)]
    flower = json.dumps(flower_tasks(system))
    logs = {path.name: path.read_text(errors="replace") for path in processes.log_dir.glob("*.log")}
    assert {"web.log", "notifications-worker.log", "flower.log"} <= set(logs)
    with notifications_runtime.db.reading() as session:
        send_log = [str(n.context) for n in session.scalars(select(Notification)
                                                            .where(Notification.recipient_email == email))]
    for token in tokens:
        assert token not in flower
        assert [name for name, text in logs.items() if token in text] == []
        assert not any(token in context for context in send_log)
        assert token not in json.dumps(event)
    assert not any(word in key for key in event["data"] for word in ("url", "token"))
    assert "http" not in json.dumps(event["data"])


def outbox_messages(web_runtime: ServiceRuntime, event_type: str) -> list[dict]:
    with web_runtime.db.reading() as session:
        return [row.message for row in session.scalars(select(Outbox).where(Outbox.event_type == event_type))]
