"""A form-following "browser" for the buyer pages: parses forms and links, presses buttons by their label,
follows redirects by hand while they stay on the sandbox (the pages need no JavaScript)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)
    buttons: list = field(default_factory=list)  # (name, value, label)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._button = self._link = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), (a.get("method") or "get").lower()))
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1].fields[a["name"]] = a.get("value", "")
        elif tag == "button" and self.forms:
            self._button = [a.get("name"), a.get("value"), ""]
        elif tag == "a" and a.get("href"):
            self._link = [a["href"], ""]

    def handle_endtag(self, tag):
        if tag == "button" and self._button is not None:
            self.forms[-1].buttons.append((self._button[0], self._button[1], self._button[2].strip()))
            self._button = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None

    def handle_data(self, data):
        self.text.append(data)
        if self._button is not None:
            self._button[2] += data
        if self._link is not None:
            self._link[1] += data


class Page:
    def __init__(self, url: str, response: requests.Response):
        self.url, self.status, self.html = url, response.status_code, response.text
        parser = _PageParser()
        parser.feed(self.html)
        self.forms, self.links = parser.forms, parser.links
        self.text = " ".join(" ".join(parser.text).split())

    def form_with_button(self, label: str) -> tuple[Form, tuple]:
        for form in self.forms:
            for button in form.buttons:
                if button[2] == label:
                    return form, button
        raise AssertionError(f"no button {label!r} on {self.url}; buttons: "
                             f"{[b[2] for f in self.forms for b in f.buttons]}")

    def link(self, label: str) -> str:
        for href, text in self.links:
            if text == label:
                return urljoin(self.url, href)
        raise AssertionError(f"no link {label!r} on {self.url}; links: {self.links}")


class BuyerBrowser:
    """Follows redirects by hand while they stay on the sandbox; a redirect elsewhere (the merchant's
    return or cancel URL) ends the navigation and is reported in `left_to`."""

    def __init__(self, sandbox_base: str):
        self.origin = urlsplit(sandbox_base).netloc
        self.session = requests.Session()
        self.left_to: str | None = None

    def _follow(self, resp: requests.Response, url: str) -> Page | None:
        while resp.is_redirect:
            url = urljoin(url, resp.headers["Location"])
            if urlsplit(url).netloc != self.origin:
                self.left_to = url
                return None
            resp = self.session.get(url, allow_redirects=False, timeout=10)
        return Page(url, resp)

    def open(self, url: str) -> Page | None:
        self.left_to = None
        return self._follow(self.session.get(url, allow_redirects=False, timeout=10), url)

    def press(self, page: Page, label: str, **values: str) -> Page | None:
        form, (name, value, _) = page.form_with_button(label)
        data = {**form.fields, **values}
        if name:
            data[name] = value or ""
        url = urljoin(page.url, form.action)
        self.left_to = None
        if form.method == "post":
            resp = self.session.post(url, data=data, allow_redirects=False, timeout=10)
        else:
            resp = self.session.get(url, params=data, allow_redirects=False, timeout=10)
        return self._follow(resp, url)
