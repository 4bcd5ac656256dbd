"""The whole system started as processes (once per session), driven over HTTP and through Debian's Chromium."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from services.web.accounts.demo import ensure_demo_admin, ensure_demo_reviewer
# Web's runtime (and its readers) for the checks that read web's database, as in the integration tests.
from tests.integration.web.conftest import make_app, web_db, web_runtime  # noqa: F401
from tools.dev.chromium import find_chromium
from tools.dev.stack import Processes, Stack

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
ALL_BUT_FLOWER = ["web", "web-worker", "orders-api", "orders-worker", "licenses-api", "licenses-worker",
                  "applications-api", "applications-worker", "courses-api", "courses-worker",
                  "notifications-worker", "scheduler", "paypal-sandbox", "smtp-sink"]


@pytest.fixture(scope="session")
def system(stack: Stack, processes: Processes, courses_runtime) -> Stack:
    from services.applications.seed.certifications import CERTIFICATIONS
    from tests.integration.web.learners import bind_courses, ensure_published

    processes.ensure(*ALL_BUT_FLOWER, timeout=90)
    bind_courses(courses_runtime)
    ensure_published([item["code"] for item in CERTIFICATIONS])  # a redeemed license opens its course
    return stack


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        # The browser `make test` checked for (tools/dev/chromium.py): chromium on the PATH, or WSCC_CHROMIUM.
        chromium = playwright.chromium.launch(executable_path=find_chromium() or "/usr/bin/chromium",
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _new_context(browser: Browser, locale: str) -> BrowserContext:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)  # a page of this portal answers well within it
    return context


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = _new_context(browser, getattr(request, "param", "en-CA"))
    yield context.new_page()
    context.close()


@pytest.fixture
def another_browser(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """``another_browser("fr-CA")``: a page in a browser context of its own (its own cookies, so its own signed-in
    person, and its own language), closed at the end of the test."""
    contexts: list[BrowserContext] = []

    def open_page(locale: str = "en-CA") -> Page:
        contexts.append(_new_context(browser, locale))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


def reload_until(page: Page, assertion: Callable[[], None], timeout: float = 10_000) -> None:
    """For a page that does not update itself while events are handled elsewhere: run ``assertion`` (an
    ``expect(...)`` with a short timeout of its own) and reload the page until it passes or ``timeout`` ms pass."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            assertion()
            return
        except AssertionError:
            if time.monotonic() >= deadline:
                raise
            page.reload()


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


@pytest.fixture(scope="session")
def wscc_staff(system, web_runtime):  # noqa: F811 - the imported fixture
    """The demo reviewer and administrator in this session's databases (once: each call resets their sessions)."""
    return {"reviewer": ensure_demo_reviewer(web_runtime.db), "admin": ensure_demo_admin(web_runtime.db)}


@pytest.fixture
def documents(tmp_path: Path) -> dict[str, Path]:
    """A real one-page PDF (fpdf2) and a real PNG (Pillow): the portal checks the content, not the name."""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Aurora Gold Mines Ltd. - letter of employment, 2,400 hours of surface mining work.")
    pdf.output(str(tmp_path / "experience-letter.pdf"))
    Image.new("RGB", (120, 80), (20, 60, 120)).save(tmp_path / "photo-id.png")
    return {"pdf": tmp_path / "experience-letter.pdf", "png": tmp_path / "photo-id.png"}
