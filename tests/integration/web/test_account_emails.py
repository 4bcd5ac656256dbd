"""What the owner of an account is told by e-mail, read from the real SMTP sink (notifications worker running):
the confirmation link, "you already have an account", a changed address (to the old one), a changed password."""
from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

import pytest

from tests.integration.notifications.support import Sink, wait_until
from tests.integration.web.support import PASSWORD, Visitor, text_of

NEW_PASSWORD = "tern quarry lantern oboe"
LINK = re.compile(r"https?://\S+/(?:register/confirm|password/reset)/\S+")


@pytest.fixture
def mailbox(notifications_caught_up) -> Sink:
    return Sink(notifications_caught_up)


def mail_about(mailbox: Sink, address: str, subject: str, count: int = 1) -> list[dict]:
    """Once ``count`` e-mails with this subject reached ``address``: all of them, in full (any others ignored)."""
    def arrived() -> list[dict]:
        found = [message for message in mailbox.messages(address) if message["subject"] == subject]
        return found if len(found) >= count else []
    return [mailbox.detail(message) for message in wait_until(arrived, 30, f"{count} × {subject!r} to {address}")]


def link_in(message: dict) -> str:
    """The path of the one link the e-mail holds, as a person would click it."""
    [url] = set(LINK.findall(message["text"]))
    return urlsplit(url).path


def registration(email: str) -> dict:
    return {"legal_name": "Mailbox Mines Ltd.", "representative_name": "Mo Mailbox", "email": email,
            "phone": "867-555-0100", "mailing_address": "1 Main St", "language": "en", "password": PASSWORD,
            "confirm": PASSWORD}


def test_the_confirmation_email_holds_a_link_that_signs_in_once(app, mailbox):
    email = f"confirm-{uuid.uuid4().hex[:8]}@mines.example"
    visitor = Visitor(app.test_client())
    assert "Check your e-mail" in text_of(visitor.submit("/register", registration(email)))
    [message] = mail_about(mailbox, email, "Confirm your e-mail address")
    path = link_in(message)
    signed_in = visitor.submit(path)
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/dashboard"
    assert visitor.get("/dashboard").status_code == 200
    again = Visitor(app.test_client()).submit(path)
    assert again.status_code == 404 and "This link no longer works" in text_of(again)


def test_registering_with_an_existing_address_sends_you_already_have_an_account(app, company, mailbox):
    answer = Visitor(app.test_client()).submit("/register", registration(company.email.upper()))
    assert answer.status_code == 200 and "Check your e-mail" in text_of(answer)
    [notice] = mail_about(mailbox, company.email, "You already have an account")
    assert "nothing was created and nothing changed" in notice["text"]
    assert "/login" in notice["text"] and "/password/forgot" in notice["text"]


def test_the_email_does_not_change_without_the_right_current_password(visitor, company, web_db):
    new_email = f"moved-{uuid.uuid4().hex[:8]}@mines.example"
    profile = {"legal_name": company.legal_name, "representative_name": "Ann Example", "email": new_email,
               "phone": "867-555-0100", "mailing_address": "1 Main St", "language": "en"}
    for wrong in ("", "not my password at all"):
        response = visitor.submit("/account", profile | {"current_password": wrong})
        assert response.status_code == 422
        assert "To change your e-mail address, enter your current password." in text_of(response)
    assert web_db.user(company.email).email == company.email
    user_id = str(web_db.user(company.email).id)
    assert [e for e in web_db.outbox_events("user.email_changed") if e["data"]["user_id"] == user_id] == []
    # Other changes need no password.
    assert visitor.submit("/account", profile | {"email": company.email, "phone": "1"}).status_code == 302


def test_with_the_current_password_the_email_changes_and_the_old_address_is_told(visitor, company, mailbox, web_db):
    new_email = f"moved-{uuid.uuid4().hex[:8]}@mines.example"
    response = visitor.submit("/account", {
        "legal_name": company.legal_name, "representative_name": "Ann Example", "email": new_email,
        "phone": "867-555-0100", "mailing_address": "1 Main St", "language": "en", "current_password": PASSWORD})
    assert response.status_code == 302
    assert web_db.user(company.email) is None  # the account is now under the new address
    [notice] = mail_about(mailbox, company.email, "The e-mail address of your account was changed")
    assert new_email in notice["text"] and mailbox.messages(new_email) == []


def test_a_password_change_and_a_reset_each_send_one_notice_to_the_owner(app, visitor, company, mailbox):
    changed = visitor.submit("/account/password", {"current_password": PASSWORD, "password": NEW_PASSWORD,
                                                   "confirm": NEW_PASSWORD})
    assert changed.status_code == 302
    visitor.logout()
    visitor.submit("/password/forgot", {"email": company.email})
    [reset_mail] = mail_about(mailbox, company.email, "Reset your password")
    done = visitor.submit(link_in(reset_mail), {"password": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 302 and done.headers["Location"] == "/login"

    notices = mail_about(mailbox, company.email, "Your password was changed", 2)
    assert len(notices) == 2
    assert any("was just changed" in m["text"] for m in notices)
    assert any("was just reset" in m["text"] for m in notices)
