"""What a representative sees when a payment does not go through, and that the pages work without JavaScript."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_purchase_in_the_browser import (CHROMIUM_PAGE_TIMEOUT, PAYPAL, SEED_WORDS, buy, count,
                                                    create_profile, exact, main, pay_by_card)

DECLINED_CARD = "4000000000000002"


def test_cancelling_at_paypal_charges_nothing_and_the_order_can_be_paid_later(system, page):
    create_profile(page, system.url("WEB_PORT"), "en")
    buy(page, "en", 7)
    page.get_by_role("link", name=PAYPAL["en"]["cancel"]).click()
    expect(page.get_by_role("status")).to_contain_text("nothing was charged")
    page.get_by_role("button", name=exact(SEED_WORDS["en"]["go_to_paypal"])).click()
    pay_by_card(page, "en")
    expect(count(page, "available")).to_have_text("7", timeout=5_000)


def test_a_declined_card_is_explained_and_another_card_then_pays(system, page):
    paypal = PAYPAL["en"]
    create_profile(page, system.url("WEB_PORT"), "en")
    buy(page, "en", 7)
    page.get_by_role("button", name=paypal["pay_with_card"]).click()
    page.get_by_label(paypal["card_number"]).fill(DECLINED_CARD)
    page.get_by_label(paypal["expiry"]).fill("12/30")
    page.get_by_label(paypal["cvv"]).fill("123")
    page.get_by_label(paypal["name"]).fill("Declined Card")
    page.get_by_role("button", name=re.compile(f"^({paypal['pay_now']}|{paypal['continue']})$")).click()
    page.get_by_role("button", name=exact(SEED_WORDS["en"]["not_now"])).click()
    expect(page.get_by_role("alert")).to_contain_text("declined")
    expect(count(page, "bought")).to_have_count(0)
    page.get_by_role("button", name=exact(SEED_WORDS["en"]["go_to_paypal"])).click()
    pay_by_card(page, "en")
    expect(count(page, "bought")).to_have_text("7")
    expect(count(page, "available")).to_have_text("7", timeout=5_000)


@pytest.fixture
def page_without_javascript(browser: Browser):
    context = browser.new_context(locale="en-CA", java_script_enabled=False)
    context.set_default_timeout(CHROMIUM_PAGE_TIMEOUT)
    yield context.new_page()
    context.close()


def test_without_javascript_the_whole_purchase_works_and_the_table_refreshes_itself(system, page_without_javascript):
    page = page_without_javascript
    create_profile(page, system.url("WEB_PORT"), "en")
    buy(page, "en", 7)
    pay_by_card(page, "en")
    expect(count(page, "bought")).to_have_text("7")
    expect(count(page, "available")).to_have_text("7", timeout=8_000)  # the <noscript> refresh, every 2 s
    main(page).get_by_role("link", name=exact(SEED_WORDS["en"]["manage"])).click()
    expect(page.locator("table.licenses tbody tr code")).to_have_count(7)
