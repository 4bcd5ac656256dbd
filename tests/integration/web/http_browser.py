"""A browser over real HTTP against a running web process (gunicorn, two workers): its own cookies, its forms with
their CSRF tokens; and starting extra web processes with settings of their own on the test stack."""
from __future__ import annotations

import dataclasses
import re
import uuid
from html import unescape

import requests

from tests.integration.web.support import PASSWORD, Account, WebDatabase
from tools.dev.stack import Processes, Stack, free_port

_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
COOKIE = "wscc_session"


def page_text(response: requests.Response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.text)))


class Browser:
    def __init__(self, base_url: str, language: str = "en") -> None:
        self.base_url = base_url
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = language

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.base_url + path, allow_redirects=False, timeout=15)

    def csrf_token(self, page: str) -> str:
        match = _CSRF.search(self.get(page).text)
        assert match, f"no form on {page}"
        return match.group(1)

    def submit(self, path: str, data: dict | None = None, form_page: str | None = None) -> requests.Response:
        token = self.csrf_token(form_page or path)
        return self.http.post(self.base_url + path, data={"csrf_token": token, **(data or {})},
                              allow_redirects=False, timeout=15)

    def register(self, web_db: WebDatabase, language: str = "en") -> Account:
        email = f"rep-{uuid.uuid4().hex[:10]}@mines.example"
        name = f"Mine {uuid.uuid4().hex[:6]} Ltd."
        response = self.submit("/register", {
            "legal_name": name, "representative_name": "Ann Example", "email": email, "phone": "867-555-0100",
            "mailing_address": "1 Main St\nYellowknife NT", "employer_account_number": "12345",
            "site": "Tundra Pit", "language": language, "password": PASSWORD, "confirm": PASSWORD})
        assert response.status_code == 200 and "Check your e-mail" in page_text(response), page_text(response)
        # As a person would: the link the e-mail holds, then its button (opening it alone confirms nothing).
        link = web_db.emailed_link("user.confirmation_requested", email)
        assert self.submit(link).status_code == 302
        return Account(email, PASSWORD, name)

    def login(self, email: str, password: str) -> requests.Response:
        return self.submit("/login", {"email": email, "password": password})

    def logout(self) -> requests.Response:
        return self.submit("/logout", form_page="/account")

    @property
    def cookie(self) -> str:
        return self.http.cookies.get(COOKIE)

    def with_cookie(self, cookie: str, base_url: str | None = None) -> Browser:
        """Another browser holding a copy of this cookie (saved before, say), perhaps at another web process."""
        other = Browser(base_url or self.base_url)
        other.http.cookies.set(COOKIE, cookie)
        return other

    def signed_in(self) -> bool:
        return self.get("/account").status_code == 200


def start_web(stack: Stack, name: str, **env: str) -> tuple[Processes, str]:
    """Another web process (the Procfile's line) on the same databases and broker, with its own port and settings;
    its log goes to logs/<name>/web.log. The caller stops it (``stop_all``)."""
    own = dataclasses.replace(stack, ports=stack.ports | {"WEB_PORT": free_port()}, extra_env=stack.extra_env | env)
    group = Processes(own)
    group.log_dir = stack.data_dir / "logs" / name
    group.log_dir.mkdir(parents=True, exist_ok=True)
    group.ensure("web")
    return group, own.url("WEB_PORT")
