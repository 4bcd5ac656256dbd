"""What a production start refuses, decided while settings load: every secret (a ``SecretStr`` field) left at its
development default, every credential URL without a real password; and what it turns on: HSTS, Secure cookies."""
from __future__ import annotations

import os

import pytest
from pydantic import SecretStr

from common.production import DevelopmentSecretInProduction
from common.settings import ServiceSettings
from services.notifications.settings import Settings as NotificationsSettings
from services.orders.settings import Settings as OrdersSettings
from services.scheduler.settings import Settings as SchedulerSettings
from services.web.app import create_app
from services.web.runtime import RUNTIME_KEY
from services.web.settings import Settings as WebSettings

REAL = {"internal_token_secret": "a-real-internal-token-secret", "broker_url": "amqp://wscc:s3cret@broker:5672//"}
WEB = REAL | {"secret_key": "a-real-session-key-of-some-length", "link_secret": "a-real-link-secret-of-some-length",
              "database_url": "postgresql+psycopg://web:s3cret@db:5432/wscc_web"}


@pytest.fixture(autouse=True)
def only_the_values_given_here(monkeypatch):
    """A test stack of the same session may have put its own secrets and URLs in the environment."""
    for name in [name for name in os.environ if name.startswith("WSCC_")]:
        monkeypatch.delenv(name)


def refusal(settings_class: type, **values: object) -> str:
    with pytest.raises(DevelopmentSecretInProduction) as refused:
        settings_class(_env_file=None, env="production", **values)
    return str(refused.value)


def test_production_names_every_secret_left_at_its_development_default():
    message = refusal(WebSettings, **REAL)
    assert "WSCC_SECRET_KEY is missing or still the development default: set it before starting in production" \
        in message
    assert "WSCC_WEB_DATABASE_URL" in message and "WSCC_INTERNAL_TOKEN_SECRET" not in message


@pytest.mark.parametrize(("settings_class", "values", "variable"), [
    (ServiceSettings, {"broker_url": REAL["broker_url"]}, "WSCC_INTERNAL_TOKEN_SECRET"),
    (ServiceSettings, {"internal_token_secret": "x" * 20}, "WSCC_BROKER_URL"),
    (ServiceSettings, {"internal_token_secret": "x" * 20, "broker_url": "amqp://ops:ops@b//"}, "WSCC_BROKER_URL"),
    (OrdersSettings, REAL | {"database_url": "postgresql+psycopg://o:pw@db/o", "paypal_client_id": "live-id"},
     "WSCC_PAYPAL_CLIENT_SECRET"),
    (OrdersSettings, REAL | {"database_url": "postgresql+psycopg://o@db/o", "paypal_client_id": "live-id",
                             "paypal_client_secret": "live-secret"}, "WSCC_ORDERS_DATABASE_URL"),
    (SchedulerSettings, REAL, "WSCC_FLOWER_PASSWORD"),
])
def test_each_kind_of_secret_and_credential_is_refused_in_production(settings_class, values, variable):
    assert variable in refusal(settings_class, **values)


def test_with_every_secret_set_production_settings_load():
    assert WebSettings(_env_file=None, env="production", **WEB).secret_key.get_secret_value() == WEB["secret_key"]
    # An SMTP relay may want no login: its password is the one secret allowed to stay empty.
    notifications = NotificationsSettings(_env_file=None, env="production", **REAL, link_secret=WEB["link_secret"],
                                          database_url="postgresql+psycopg://n:pw@db/n")
    assert notifications.smtp_password == SecretStr("")


def test_development_keeps_its_defaults():
    assert WebSettings(_env_file=None).secret_key.get_secret_value() == "dev-only-web-secret-key-change-me"


def test_secrets_do_not_show_in_the_settings_repr():
    assert "a-real-session-key" not in repr(WebSettings(_env_file=None, env="production", **WEB))


def headers_of_a_page(settings: WebSettings) -> dict[str, str]:
    app = create_app(settings)
    try:
        response = app.test_client().get("/login")  # no database reached: nobody is signed in
    finally:
        app.extensions[RUNTIME_KEY].close()
    assert response.status_code == 200
    return {"hsts": response.headers.get("Strict-Transport-Security", ""),
            "cookie": "; ".join(response.headers.getlist("Set-Cookie"))}


def test_production_answers_with_hsts_and_a_secure_session_cookie():
    page = headers_of_a_page(WebSettings(_env_file=None, env="production", **WEB))
    assert page["hsts"].startswith("max-age=31536000")
    assert "wscc_session=" in page["cookie"] and "Secure" in page["cookie"]


def test_production_may_turn_them_off_explicitly_and_development_stays_on_http():
    turned_off = headers_of_a_page(WebSettings(_env_file=None, env="production", session_cookie_secure=False,
                                               hsts_max_age_seconds=0, **WEB))
    development = headers_of_a_page(WebSettings(_env_file=None))
    for page in (turned_off, development):
        assert page["hsts"] == "" and "wscc_session=" in page["cookie"] and "Secure" not in page["cookie"]
