"""Sessions live on the server, checked by the running web process (gunicorn, two workers) over real HTTP: logout,
a password change or reset, and an administrator disabling an account end them, and so do the idle and absolute
limits. Time moves by moving a session's own timestamps back in web's database."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from common.clock import utcnow
from common.runtime import ServiceRuntime
from services.web.accounts.demo import ensure_admin
from services.web.models import User, WebSession
from tests.integration.web.http_browser import Browser, page_text
from tests.integration.web.support import PASSWORD, Account, wait_for

NEW_PASSWORD = "a brand new password"


@pytest.fixture(scope="module")
def web_url(services, processes) -> str:
    processes.ensure("web")
    return services.url("WEB_PORT")


@pytest.fixture
def browser(web_url) -> Browser:
    return Browser(web_url)


@pytest.fixture
def company(browser, web_db) -> Account:
    return browser.register(web_db)  # signed in


def user_of(web_runtime: ServiceRuntime, account: Account) -> User:
    with web_runtime.db.reading() as db:
        return db.scalar(select(User).where(User.email_normalized == account.email.lower()))


def live_sessions(web_runtime: ServiceRuntime, account: Account) -> list[WebSession]:
    with web_runtime.db.reading() as db:
        return list(db.scalars(select(WebSession).where(WebSession.user_id == user_of(web_runtime, account).id,
                                                        WebSession.ended_at.is_(None))))


def move_sessions_back(web_runtime: ServiceRuntime, account: Account, **changes: timedelta) -> None:
    """As if ``created_at`` / ``last_seen_at`` of the account's live sessions were that much earlier."""
    with web_runtime.db.unit_of_work() as db:
        for row in db.scalars(select(WebSession).where(WebSession.user_id == user_of(web_runtime, account).id,
                                                       WebSession.ended_at.is_(None))):
            for column, delta in changes.items():
                setattr(row, column, getattr(row, column) - delta)


def test_after_logout_the_saved_cookie_opens_nothing(browser, company, web_runtime):
    saved = browser.cookie
    assert browser.with_cookie(saved).signed_in()  # a copy works while the session lives
    assert browser.logout().headers["Location"] == "/"
    copy = browser.with_cookie(saved)
    response = copy.get("/account")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert not copy.signed_in()
    assert live_sessions(web_runtime, company) == []


def test_the_cookie_holds_a_random_key_not_the_user(browser, company, web_runtime):
    [row] = live_sessions(web_runtime, company)
    assert str(user_of(web_runtime, company).id) not in browser.cookie
    assert len(row.key_hash) == 64  # only the key's SHA-256 is stored


def test_signing_in_again_gives_a_new_session_and_ends_the_one_before(browser, company, web_runtime):
    before = browser.cookie
    again = browser.submit("/login", {"email": company.email, "password": company.password}, form_page="/account")
    assert again.status_code == 302
    assert browser.cookie != before and browser.signed_in()
    assert not browser.with_cookie(before).signed_in()  # no fixation: the earlier key is dead
    assert len(live_sessions(web_runtime, company)) == 1


def test_a_password_change_ends_the_other_browsers_session(web_url, browser, company, web_runtime):
    phone = Browser(web_url)
    assert phone.login(company.email, company.password).status_code == 302 and phone.signed_in()
    laptop_before = browser.cookie
    response = browser.submit("/account/password", {"current_password": PASSWORD, "password": NEW_PASSWORD,
                                                    "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert "You were logged out everywhere else" in page_text(browser.get("/account"))
    assert browser.signed_in()  # this browser goes on, with a new key
    assert not browser.with_cookie(laptop_before).signed_in()
    assert not phone.signed_in()
    assert len(live_sessions(web_runtime, company)) == 1


def test_a_password_reset_ends_every_session(web_url, browser, company, web_db):
    phone = Browser(web_url)
    phone.login(company.email, company.password)
    stranger = Browser(web_url)
    stranger.submit("/password/forgot", {"email": company.email})
    link = wait_for(lambda: web_db.emailed_link("user.password_reset_requested", company.email))
    response = stranger.submit(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert not browser.signed_in() and not phone.signed_in()
    assert stranger.login(company.email, NEW_PASSWORD).status_code == 302


def test_an_idle_session_ends_on_the_server(browser, company, web_runtime):
    move_sessions_back(web_runtime, company, created_at=timedelta(minutes=29), last_seen_at=timedelta(minutes=29))
    assert browser.signed_in()  # 29 minutes unused: still alive, and this request counts as use
    move_sessions_back(web_runtime, company, created_at=timedelta(minutes=31), last_seen_at=timedelta(minutes=31))
    response = browser.get("/account")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert "Your session ended after a period of inactivity" in page_text(browser.get("/login"))
    assert live_sessions(web_runtime, company) == []


def test_a_busy_session_still_ends_after_its_absolute_lifetime(browser, company, web_runtime):
    move_sessions_back(web_runtime, company, created_at=timedelta(hours=11, minutes=59))
    assert browser.signed_in()
    move_sessions_back(web_runtime, company, created_at=timedelta(minutes=2))  # 12 h 1 min old, used a moment ago
    assert not browser.signed_in()
    assert "a session lasts at most 12 hours" in page_text(browser.get("/login"))


def test_last_seen_is_written_at_most_once_a_minute(browser, company, web_runtime):
    move_sessions_back(web_runtime, company, last_seen_at=timedelta(seconds=30))
    [before] = live_sessions(web_runtime, company)
    assert browser.signed_in() and browser.signed_in()
    [unchanged] = live_sessions(web_runtime, company)
    assert unchanged.last_seen_at == before.last_seen_at
    move_sessions_back(web_runtime, company, last_seen_at=timedelta(seconds=31))  # now 61 s ago
    assert browser.signed_in()
    [touched] = live_sessions(web_runtime, company)
    assert utcnow() - touched.last_seen_at < timedelta(seconds=10)


def test_an_administrator_disables_an_account_its_session_ends_and_it_cannot_log_in(web_url, browser, company,
                                                                                    web_runtime):
    login = ensure_admin(web_runtime.db, f"admin-{company.email}", "an admin password")
    admin = Browser(web_url)
    assert admin.login(login.email, login.password).status_code == 302
    found = admin.get(f"/admin/staff/find?find-email={company.email.upper()}")
    assert found.status_code == 303
    account_page = found.headers["Location"]
    assert "Disable this account" in page_text(admin.get(account_page))

    unconfirmed = admin.submit(account_page + "/disable", {}, form_page=account_page)
    assert unconfirmed.status_code == 422 and "Tick the box to confirm." in page_text(unconfirmed)
    assert browser.signed_in()  # nothing changed without the confirmation

    confirmed = admin.submit(account_page + "/disable", {"confirm": "y"}, form_page=account_page)
    assert confirmed.status_code == 303
    assert "is disabled" in page_text(admin.get(account_page))
    assert not browser.signed_in()  # the open session ended at once
    refused = Browser(web_url).login(company.email, company.password)
    assert refused.status_code == 403 and "This account is disabled" in page_text(refused)

    assert admin.submit(account_page + "/enable", form_page=account_page).status_code == 303
    assert Browser(web_url).login(company.email, company.password).status_code == 302


def test_an_administrator_cannot_disable_their_own_account(web_url, web_runtime):
    login = ensure_admin(web_runtime.db, "admin-self@wsc.example", "an admin password")
    admin = Browser(web_url)
    admin.login(login.email, login.password)
    page = admin.get(admin.get(f"/admin/staff/find?find-email={login.email}").headers["Location"])
    assert "This is the account you are using" in page_text(page)
    own = page.url.removeprefix(web_url)
    refused = admin.submit(own + "/disable", {"confirm": "y"}, form_page=own)
    assert refused.status_code == 422 and "You cannot disable the account you are using." in page_text(refused)
    assert admin.signed_in()


def test_the_web_worker_forgets_sessions_ended_longer_ago_than_the_record_period(web_url, browser, company,
                                                                                 processes, web_runtime):
    from services.web.worker import app as worker_app

    processes.ensure("web-worker")
    ended_browser = Browser(web_url)
    ended_browser.login(company.email, company.password)
    ended_browser.logout()
    with web_runtime.db.reading() as db:
        rows = db.scalars(select(WebSession).where(WebSession.user_id == user_of(web_runtime, company).id)).all()
    ended = [row.key_hash for row in rows if row.ended_at is not None]
    [live] = [row.key_hash for row in rows if row.ended_at is None]
    assert ended
    thirty_days_later = utcnow() + timedelta(days=30, hours=1)  # past the record period, within the live one's 12 h
    worker_app.send_task("web.purge_sessions", kwargs={"now": thirty_days_later.isoformat()})

    def remaining() -> set[str]:
        with web_runtime.db.reading() as db:
            return set(db.scalars(select(WebSession.key_hash)
                                  .where(WebSession.user_id == user_of(web_runtime, company).id)))

    assert wait_for(lambda: remaining() == {live}, timeout=30)
    assert browser.signed_in()
