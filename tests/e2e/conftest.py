"""The whole system started as processes (once per session), driven over HTTP and through Debian's Chromium."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from playwright.sync_api import Browser, Page, sync_playwright

from tools.dev.stack import Processes, Stack

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
ALL_BUT_FLOWER = ["web", "web-worker", "orders-api", "orders-worker", "licenses-api", "licenses-worker",
                  "applications-api", "applications-worker",
                  "notifications-worker", "scheduler", "paypal-sandbox", "smtp-sink"]


@pytest.fixture(scope="session")
def system(stack: Stack, processes: Processes) -> Stack:
    processes.ensure(*ALL_BUT_FLOWER, timeout=90)
    return stack


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    locale = getattr(request, "param", "en-CA")
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)  # a page of this portal answers well within it
    yield context.new_page()
    context.close()


class Mailbox:
    """The SMTP sink's messages, read through its HTTP API."""

    def __init__(self, url: str) -> None:
        self.url = url

    def messages_to(self, address: str) -> list[dict]:
        listing = requests.get(f"{self.url}/api/messages", params={"to": address}, timeout=5).json()
        return [requests.get(f"{self.url}/api/messages/{message['id']}", timeout=5).json()
                for message in listing["messages"]]


@pytest.fixture(scope="session")
def mailbox(system: Stack) -> Mailbox:
    return Mailbox(system.url("SMTP_SINK_HTTP_PORT"))
