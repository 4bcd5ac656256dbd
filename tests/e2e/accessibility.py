"""WCAG 2.1 A and AA checks of a page, by axe-core run in the page itself (tests/e2e/vendor/axe.min.js)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@lru_cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[str]:
    """Each rule the page breaks, with the elements that break it. The script is evaluated through the browser's
    debugging protocol, so the page's Content-Security-Policy (no inline script) stays as it is."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source() + "\n;undefined")
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                                           v.nodes.map(n => n.target.join(" ")).join(", "));
    }""", WCAG_21_AA)
    return list(found)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}:\n" + "\n".join(violations)


def assert_fits_a_phone(page: Page, width: int = 375) -> None:
    """At ``width`` CSS pixels the page scrolls down only: tables scroll inside their own region."""
    page.set_viewport_size({"width": width, "height": 812})
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"{page.url} is {overflow}px wide on a {width}px screen"
