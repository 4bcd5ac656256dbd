"""Failed sign-ins are counted per account in Redis, one count for every web process: at most 100 an hour, a
delay that grows after the first few, one warning e-mail to the owner in their language; reset requests and code
claims are limited in the same store. Everything over real HTTP against running web processes (gunicorn, two
workers each); time moves by moving the account's failures back in Redis."""
from __future__ import annotations

import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests
from sqlalchemy import select

from services.licenses.codes import generate_code
from services.web.accounts.throttles import failures_key
from services.web.models import Outbox
from tests.integration.web.http_browser import Browser, page_text, start_web
from tests.integration.web.support import PASSWORD, wait_for

WRONG = "not the password at all"
NO_DELAY = {"WSCC_LOGIN_FAILURES_BEFORE_DELAY": "1000", "WSCC_PASSWORD_RESET_RATE_LIMIT": "3 per hour",
            "WSCC_CODE_CLAIM_RATE_LIMIT_PER_ACCOUNT": "3 per minute"}


@pytest.fixture(scope="module")
def store(services, web_runtime) -> redis.Redis:
    return redis.Redis.from_url(web_runtime.settings.ratelimit_storage_uri)


@pytest.fixture(scope="module")
def web_url(services, processes) -> str:
    """The stack's own web process, default settings."""
    processes.ensure("web")
    return services.url("WEB_PORT")


@pytest.fixture(scope="module")
def two_webs(services):
    """Two more web processes sharing one prefix of their own, without the growing delay (to reach 100 quickly)."""
    prefix = f"{services.extra_env['WSCC_RATELIMIT_KEY_PREFIX']}_shared"
    groups = [start_web(services, f"shared-{n}", WSCC_RATELIMIT_KEY_PREFIX=prefix, **NO_DELAY) for n in (1, 2)]
    yield prefix, [url for _, url in groups]
    for group, _ in groups:
        group.stop_all()


def move_failures_back(store: redis.Redis, prefix: str, email: str, seconds: float) -> None:
    key = failures_key(prefix, email.lower())
    for member, score in store.zrange(key, 0, -1, withscores=True):
        store.zadd(key, {member: score - seconds})


def guess(url: str, email: str, password: str = WRONG) -> requests.Response:
    return Browser(url).login(email, password)


def right_password_at_once(url: str, store: redis.Redis, prefix: str, email: str,
                           language: str = "en") -> requests.Response:
    """The right password, sent as if the last failure had just happened (however slow the machine is today)."""
    browser = Browser(url, language)
    token = browser.csrf_token("/login")
    key = failures_key(prefix, email.lower())
    [(_, newest)] = store.zrange(key, -1, -1, withscores=True)
    move_failures_back(store, prefix, email, newest - time.time())
    return browser.http.post(url + "/login", data={"csrf_token": token, "email": email, "password": PASSWORD},
                             allow_redirects=False, timeout=15)


def test_two_web_processes_share_one_count_of_100_failures_an_hour(two_webs, web_db):
    _, (first, second) = two_webs
    owner = Browser(first)
    account = owner.register(web_db)
    # 110 wrong guesses, 8 at a time, alternating between the two processes (each with its two workers).
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda n: guess((first, second)[n % 2], account.email).status_code, range(110)))
    assert statuses.count(422) == 100 and statuses.count(429) == 10
    for url in (first, second):  # the 101st guess is refused even with the right password, by either process
        refused = guess(url, account.email.upper(), PASSWORD)
        assert refused.status_code == 429
        assert re.search(r"Wait (5\d|60) minutes, then try again\.", page_text(refused))  # until the oldest is an hour old
    assert owner.signed_in()  # a session opened before goes on


def test_the_delay_grows_after_the_free_failures_and_unknown_addresses_behave_the_same(web_url, services, store,
                                                                                        web_db):
    prefix = services.extra_env["WSCC_RATELIMIT_KEY_PREFIX"]
    known = Browser(web_url).register(web_db).email
    unknown = f"nobody-{uuid.uuid4().hex[:8]}@nowhere.example"
    for email in (known, unknown):
        assert [guess(web_url, email).status_code for _ in range(5)] == [422] * 5  # five free failures
        waits = []
        for _ in range(3):
            refused = right_password_at_once(web_url, store, prefix, email)  # it must wait its turn too
            assert refused.status_code == 429
            waits.append(page_text(refused))
            move_failures_back(store, prefix, email, 60)  # the wait is over
            assert guess(web_url, email).status_code == 422  # one more failure, a longer wait next
        assert [w for w in waits if "Wait 1 second," in w] and [w for w in waits if "Wait 2 seconds," in w]
        assert [w for w in waits if "Wait 4 seconds," in w]
    french = right_password_at_once(web_url, store, prefix, known, language="fr")
    assert french.status_code == 429
    assert re.search(r"Trop de tentatives de connexion ont échoué pour ce compte\. Attendez [78] secondes, puis "
                     r"réessayez\.", page_text(french)), page_text(french)
    move_failures_back(store, prefix, known, 60)
    assert guess(web_url, known, PASSWORD).status_code == 302  # the owner gets in once the wait is over


def test_the_owner_is_warned_once_by_email_in_their_language(services, notifications_caught_up, two_webs, web_runtime,
                                                              web_db):
    _, (first, second) = two_webs
    account = Browser(first).register(web_db, language="fr")
    statuses = [guess((first, second)[n % 2], account.email).status_code for n in range(25)]
    assert statuses == [422] * 25
    sink = services.url("SMTP_SINK_HTTP_PORT")

    def messages() -> list[dict]:
        listing = requests.get(f"{sink}/api/messages", params={"to": account.email}, timeout=5).json()["messages"]
        return [requests.get(f"{sink}/api/messages/{m['id']}", timeout=5).json() for m in listing]

    warnings = wait_for(lambda: [m for m in messages() if "ouvrir une session" in m["subject"]], timeout=30)
    assert [m["subject"] for m in warnings] == ["Quelqu'un tente d'ouvrir une session dans votre compte"]
    assert "/password/forgot" in warnings[0]["text"] and WRONG not in warnings[0]["text"]
    with web_runtime.db.reading() as db:
        events = [row.message for row in db.scalars(select(Outbox).where(
            Outbox.event_type == "user.login_attempts_suspected"))]
    mine = [event for event in events if event["data"]["email"] == account.email]
    assert len(mine) == 1 and mine[0]["data"]["failed_attempts"] == 10
    assert WRONG not in str(mine[0])


def test_reset_requests_and_code_claims_are_limited_in_the_same_shared_store(services, processes, two_webs, store,
                                                                            web_db):
    processes.ensure("licenses-api")
    prefix, (first, second) = two_webs
    email = f"someone-{uuid.uuid4().hex[:8]}@mines.example"
    asked = [Browser((first, second)[n % 2]).submit("/password/forgot", {"email": email}).status_code
             for n in range(6)]
    assert asked.count(200) == 3 and asked.count(429) == 3  # "3 per hour", across both processes

    on_first, on_second = Browser(first), Browser(second)  # one employee, signed in at each process
    employee_email = f"emp-{uuid.uuid4().hex[:10]}@crew.example"
    response = on_first.submit("/employee/register", {
        "name": "Emma Employee", "email": employee_email, "phone": "867-555-0142",
        "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 200 and "Check your e-mail" in page_text(response), page_text(response)
    assert on_first.submit(web_db.emailed_link("user.confirmation_requested", employee_email)).status_code == 302
    assert on_second.login(employee_email, PASSWORD).status_code == 302
    tries = [(on_first, on_second)[n % 2].submit("/employee/code", {"code": generate_code()},
                                                form_page="/employee").status_code for n in range(6)]
    assert tries.count(429) == 3  # "3 per minute" for this account, across both processes
    assert store.keys(f"*{prefix}*")  # flask-limiter's counts are in Redis, under this stack's prefix
