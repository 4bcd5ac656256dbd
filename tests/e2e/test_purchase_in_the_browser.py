"""The source document's instructions, followed word for word in Chromium, in French and in English.

The buttons and columns are the seed's own words, written out here; field labels are read from the portal's
catalogue so the test stays on the visible labels without copying every translation.
"""
from __future__ import annotations

import os
import re
import uuid
from datetime import date

import pytest
from babel.support import Translations
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import reload_until
from tests.waiting import wait_for
from tools.dev.stack import ROOT
from tools.paypal_sandbox.i18n import STRINGS as PAYPAL

SEED_WORDS = {
    "en": {"create": "CREATE A NEW PROFILE", "register": "REGISTER", "buy_licenses": "BUY LICENSES", "buy": "BUY",
           "go_to_paypal": "CLICK HERE TO GO TO PAYPAL", "not_now": "Not now", "manage": "MANAGE LICENSES",
           "assigned_to": "Assigned to (name)", "assignment_date": "Assignment date"},
    "fr": {"create": "CRÉER UN NOUVEAU PROFIL", "register": "S'INSCRIRE", "buy_licenses": "ACHAT DE LICENCES",
           "buy": "ACHETER", "go_to_paypal": "CLIQUER ICI POUR ACCÉDER AU SITE DE PAYPAL",
           "not_now": "Pas maintenant", "manage": "GESTION DES LICENCES", "assigned_to": "Assigné à Nom",
           "assignment_date": "Date d'assignation"},
}
CHROMIUM_PAGE_TIMEOUT = 15_000


def label(text: str, language: str) -> str:
    """A field label as the portal shows it in that language."""
    return Translations.load(str(ROOT / "services/web/translations"), [language]).gettext(text)


def main(page: Page):
    """The page's main content (the same links also stand in the menu)."""
    return page.locator("#main")


def exact(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def create_profile(page: Page, web_url: str, language: str) -> str:
    words = SEED_WORDS[language]
    email = f"rep-{uuid.uuid4().hex[:8]}@Mine.Example"
    page.goto(web_url)
    page.get_by_role("link", name=exact(words["create"])).click()
    page.get_by_label(label("Company legal name", language)).fill("Aurora Gold Mines Ltd.")
    page.get_by_label(label("Mailing address", language)).fill("PO Box 2000\nYellowknife NT X1A 2P2")
    page.get_by_label(label("Representative's name", language)).fill("Élise Tremblay")
    page.get_by_label(label("E-mail address", language)).fill(email)
    page.get_by_label(label("Phone number", language)).fill("867-555-0199")
    page.get_by_label(label("Password", language), exact=True).fill("correct horse battery staple")
    page.get_by_label(label("Confirm the password", language)).fill("correct horse battery staple")
    page.get_by_role("button", name=exact(words["register"])).click()
    confirm_from_the_email(page, email, language)
    expect(main(page).get_by_role("link", name=exact(words["buy_licenses"]))).to_be_visible()
    return email


CONFIRMATION_LINK = re.compile(r"https?://\S+/register/confirm/\S+")


def confirm_from_the_email(page: Page, email: str, language: str) -> None:
    """After registering: "Check your e-mail"; open the message in the SMTP sink's pages, go to the link it holds
    and confirm, as a person would. The person is then signed in where registering leads."""
    expect(page.get_by_role("heading", level=1)).to_have_text(label("Check your e-mail", language))
    page.goto(os.environ["WSCC_SMTP_SINK_URL"])
    subject = Translations.load(str(ROOT / "services/notifications/translations"), [language]).gettext(
        "Confirm your e-mail address")
    message = page.locator("tr").filter(has_text=email).filter(has_text=subject)
    reload_until(page, lambda: expect(message).to_have_count(1, timeout=1_000), timeout=60_000)
    message.get_by_role("link").click()
    page.goto(CONFIRMATION_LINK.search(page.locator("pre").first.inner_text()).group(0))
    page.get_by_role("button", name=exact(label("Confirm my e-mail address", language))).click()


def buy(page: Page, language: str, quantity: int) -> None:
    words = SEED_WORDS[language]
    main(page).get_by_role("link", name=exact(words["buy_licenses"])).click()
    page.get_by_label(label("Number of licenses", language)).fill(str(quantity))
    page.get_by_role("button", name=exact(words["buy"])).click()
    summary = page.locator("dl.summary")
    expect(summary).to_contain_text("50" + (",00" if language == "fr" else ".00"))
    expect(summary.locator(".total")).to_contain_text("350" if language == "en" else "350,00")
    page.get_by_role("button", name=exact(words["go_to_paypal"])).click()


def pay_by_card(page: Page, language: str, checked: bool = False) -> None:
    """Through the sandbox's pages as a buyer; ``checked``: each page checked with axe-core like the portal's (it
    runs in the page, so not where JavaScript is off)."""
    paypal = PAYPAL[language]
    check = assert_accessible if checked else (lambda _: None)
    check(page)
    page.get_by_role("button", name=paypal["pay_with_card"]).click()
    check(page)
    page.get_by_label(paypal["card_number"]).fill("4111 1111 1111 1111")
    page.get_by_label(paypal["expiry"]).fill("12/30")
    page.get_by_label(paypal["cvv"]).fill("123")
    page.get_by_label(paypal["name"]).fill("Elise Tremblay")
    page.get_by_role("button", name=re.compile(f"^({paypal['pay_now']}|{paypal['continue']})$")).click()
    check(page)
    # "Not now" is the first button the keyboard reaches, before "Create account".
    expect(page.locator("#account-form button").first).to_have_text(SEED_WORDS[language]["not_now"])
    page.get_by_role("button", name=exact(SEED_WORDS[language]["not_now"])).click()


def count(page: Page, name: str):
    return page.locator(f"td[data-count='{name}']")


@pytest.mark.parametrize("page, language", [("fr-CA", "fr"), ("en-CA", "en")], indirect=["page"])
def test_a_representative_follows_the_instructions_and_gets_seven_codes(system, page, language, mailbox):
    web_url = system.url("WEB_PORT")
    words = SEED_WORDS[language]
    email = create_profile(page, web_url, language)
    buy(page, language, 7)
    pay_by_card(page, language, checked=True)

    # "You are sent back to the table, which shows the number of licenses you bought."
    expect(main(page).get_by_role("link", name=exact(words["buy_licenses"]))).to_be_visible()
    expect(count(page, "bought")).to_have_text("7")
    expect(count(page, "available")).to_have_text("7", timeout=5_000)  # the page updates itself

    main(page).get_by_role("link", name=exact(words["manage"])).click()
    expect(page.get_by_role("columnheader", name=words["assigned_to"])).to_be_visible()
    expect(page.get_by_role("columnheader", name=words["assignment_date"])).to_be_visible()
    codes = page.locator("table.licenses tbody tr code")
    expect(codes).to_have_count(7)
    assert all(re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5}){3}", code) for code in codes.all_inner_texts())

    first_row = page.locator("table.licenses tbody tr").first
    first_row.locator("input[name='assigned_to_name']").fill("Jean Okalik")
    first_row.locator("input[name='assignment_date']").fill("2026-12-01")
    first_row.get_by_role("button", name=label("Save", language)).click()
    expect(main(page).locator(".message-success")).to_contain_text(codes.first.inner_text())  # saved, page back
    page.reload()
    first_row = page.locator("table.licenses tbody tr").first
    expect(first_row.locator("input[name='assigned_to_name']")).to_have_value("Jean Okalik")
    expect(first_row.locator("input[name='assignment_date']")).to_have_value(date(2026, 12, 1).isoformat())

    subjects = wait_for_subjects(mailbox, email.lower(), 4)  # confirmation, welcome, receipt, codes ready
    assert len(subjects) == 4, subjects
    body = " ".join(message["text"] for message in mailbox.messages_to(email.lower()))
    assert not any(code in body for code in codes.all_inner_texts()), "codes must never be e-mailed"


def wait_for_subjects(mailbox, address: str, expected: int, timeout: float = 20) -> list[str]:
    def subjects() -> list[str]:
        return [message["subject"] for message in mailbox.messages_to(address)]
    return wait_for(lambda: len(found := subjects()) >= expected and found, timeout, interval=0.25) or subjects()


def test_a_representative_pays_with_a_paypal_account(system, page):
    words, paypal = SEED_WORDS["en"], PAYPAL["en"]
    create_profile(page, system.url("WEB_PORT"), "en")
    buy(page, "en", 7)
    page.get_by_label(paypal["email"]).fill("buyer@example.com")
    page.get_by_label(paypal["password"]).fill("sandbox-pass")
    page.get_by_role("button", name=paypal["log_in"]).click()
    page.get_by_role("button", name=re.compile(f"^({paypal['pay_now']}|{paypal['continue']})$")).click()
    expect(count(page, "bought")).to_have_text("7")
    expect(count(page, "available")).to_have_text("7", timeout=5_000)
    main(page).get_by_role("link", name=exact(words["manage"])).click()
    expect(page.locator("table.licenses tbody tr code")).to_have_count(7)
