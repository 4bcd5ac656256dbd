"""WCAG 2.1 AA checks of a page in the browser with axe-core (tools/dev/axe.py finds or installs it), and the
phone-width check: nothing wider than the screen."""
from __future__ import annotations

from playwright.sync_api import Page

from tools.dev.axe import HOW_TO, axe_script

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[str]:
    script = axe_script()
    assert script, HOW_TO
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the portal's Content-Security-Policy (scripts from itself only)
        # rightly refuses an injected <script>, and stays on for the check.
        page.evaluate(script.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']][:5]}"
            for violation in results["violations"]]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


def assert_fits_a_phone(page: Page, width: int = 375) -> None:
    """At ``width`` CSS pixels the page scrolls down only: tables scroll inside their own region."""
    page.set_viewport_size({"width": width, "height": 812})
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"{page.url} is {overflow}px wide on a {width}px screen"
