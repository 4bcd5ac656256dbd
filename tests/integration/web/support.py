"""Driving the front door like a browser: its forms (with their CSRF tokens), its links, PayPal's approval; and
reading web's own database for what no page shows (events, the links e-mails hold)."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from common.links import CONFIRM_EMAIL, PASSWORD_RESET, link_url
from services.web.accounts.session_store import hash_key
from common.runtime import ServiceRuntime
from services.web.models import Outbox, User, WebSession
from services.web.runtime import RUNTIME_KEY
from tests.waiting import wait_for  # noqa: F401 - the tests of this folder import it from here

PASSWORD = "a long enough password"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')



def text_of(response: TestResponse) -> str:
    """The page's text with tags removed and entities decoded, for "the page says ..." checks."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


@dataclass
class Account:
    email: str
    password: str
    legal_name: str


class Visitor:
    """One browser: a test client with its own cookies."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.web_db = WebDatabase(client.application.extensions[RUNTIME_KEY])

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.client.get(path, **kwargs)

    def csrf_token(self, page: str) -> str:
        match = _CSRF.search(self.get(page).get_data(as_text=True))
        assert match, f"no form on {page}"
        return match.group(1)

    def submit(self, path: str, data: dict | None = None, form_page: str | None = None) -> TestResponse:
        """POST a form the way the browser would: with the token of the page that shows it."""
        token = self.csrf_token(form_page or path)
        return self.client.post(path, data={"csrf_token": token, **(data or {})})

    def register(self, **changes: str) -> Account:
        name = changes.pop("legal_name", f"Mine {uuid.uuid4().hex[:6]} Ltd.")
        data = {"legal_name": name, "representative_name": "Ann Example",
                "email": f"rep-{uuid.uuid4().hex[:10]}@mines.example", "phone": "867-555-0100",
                "mailing_address": "1 Main St\nYellowknife NT", "employer_account_number": "12345",
                "site": "Tundra Pit", "language": "en", "password": PASSWORD, "confirm": PASSWORD} | changes
        response = self.submit("/register", data)
        assert response.status_code == 200 and "Check your e-mail" in text_of(response), text_of(response)
        self.confirm(data["email"], "/dashboard")
        return Account(data["email"], data["password"], name)

    def confirm(self, email: str, lands_on: str) -> None:
        """Follow the confirmation link e-mailed to ``email`` and press its button: signed in, on ``lands_on``."""
        path = self.web_db.emailed_link("user.confirmation_requested", email)
        response = self.submit(path)
        assert response.status_code == 302 and response.headers["Location"] == lands_on, text_of(response)

    def login(self, account: Account) -> TestResponse:
        return self.submit("/login", {"email": account.email, "password": account.password})

    def logout(self) -> TestResponse:
        return self.submit("/logout", form_page="/account")

    def place_order(self, quantity: int) -> str:
        response = self.submit("/orders/new", {"quantity": str(quantity)})
        assert response.status_code == 303, text_of(response)
        return response.headers["Location"].rsplit("/", 1)[-1]

    def pay(self, order_id: str, sandbox_url: str) -> TestResponse:
        """CLICK HERE TO GO TO PAYPAL, approve at the sandbox as a PayPal buyer, come back to the return page."""
        response = self.submit(f"/orders/{order_id}/checkout", form_page=f"/orders/{order_id}")
        assert response.status_code == 303, text_of(response)
        paypal_order_id = parse_qs(urlsplit(response.headers["Location"]).query)["token"][0]
        approval = requests.post(f"{sandbox_url}/_sandbox/orders/{paypal_order_id}/approve",
                                 json={"payer": "paypal"}, timeout=10)
        assert approval.status_code == 200, approval.text
        back = urlsplit(approval.json()["return_url"])
        return self.get(f"{back.path}?{back.query}")

    def progress(self) -> dict:
        return self.get("/dashboard/progress.json").get_json()


def journey_steps(html: str) -> dict[str, str]:
    """The employee's steps list as the page states it: step → done, action, waiting, refused, in_progress,
    available, failed, ended or todo."""
    return dict(re.findall(r'data-step="([a-z_]+)" data-state="([a-z_]+)"', html))


def main_action(html: str) -> str | None:
    """What the page's one main button does, if it shows one."""
    found = re.search(r'class="button"[^>]*data-next-action="([a-z_]+)"', html)
    return found.group(1) if found else None


LINK_PURPOSES = {"user.confirmation_requested": CONFIRM_EMAIL, "user.password_reset_requested": PASSWORD_RESET}


class WebDatabase:
    """Web's own records, read through a runtime the test opened (the ``web_db`` fixture)."""

    def __init__(self, runtime: ServiceRuntime) -> None:
        self.runtime = runtime

    def count(self, model: type) -> int:
        with self.runtime.db.reading() as session:
            return session.scalar(select(func.count()).select_from(model))

    def user(self, email: str) -> User | None:
        with self.runtime.db.reading() as session:
            return session.scalar(select(User).where(User.email_normalized == email.lower()))

    def outbox_events(self, event_type: str) -> list[dict]:
        with self.runtime.db.reading() as session:
            rows = session.scalars(select(Outbox).where(Outbox.event_type == event_type)
                                   .order_by(Outbox.created_at)).all()
            return [row.message for row in rows]

    def emailed_link(self, event_type: str, email: str) -> str:
        """The path of the newest link announced for ``email``, derived from its event's link id the way
        notifications writes it into the e-mail (tests/integration/web/test_account_emails.py reads real e-mails
        from the sink)."""
        events = [event for event in self.outbox_events(event_type)
                  if event["data"]["email"].lower() == email.lower()]
        assert events, f"no {event_type} for {email}"
        secret = self.runtime.settings.link_secret.get_secret_value()
        return link_url("", secret, LINK_PURPOSES[event_type], uuid.UUID(events[-1]["data"]["link_id"]))

    def signed_in_user(self, visitor: Visitor) -> User:
        """The user whose session this browser holds (its cookie names only a session key)."""
        with visitor.client.session_transaction() as session:
            key = session["_user_id"]
        with self.runtime.db.reading() as db:
            user = db.get(User, db.get(WebSession, hash_key(key)).user_id)
        user.session_key = key
        return user
