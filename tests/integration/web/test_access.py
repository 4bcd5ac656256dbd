"""Every route of the app, walked as an anonymous visitor, as company A against company B's records, and as an
administrator: sign-in required, other companies' records answer 404, roles are checked, B's data never shows."""
from __future__ import annotations

import re
from itertools import product

import pytest
from flask import Flask, url_for

from tests.integration.web.support import Account, Visitor, text_of

PUBLIC = {"public.home", "auth.register", "auth.login", "auth.logout", "password.forgot", "password.reset",
          "language.switch", "health.healthz", "health.readyz", "webhooks.paypal", "static"}
OWN_COMPANY_PAGES = {"dashboard.show", "dashboard.progress", "orders.new", "licenses.manage", "licenses.export_csv"}
EVERY_SIGNED_IN_USER = {"account.profile", "account.change_password"}
ANOTHER_COMPANYS_RECORD = {"orders.show", "orders.checkout", "orders.drop", "payment.paypal_return",
                           "payment.paypal_cancel", "receipts.page", "receipts.pdf", "licenses.track"}
ADMIN_ONLY = {"admin.held_orders"}


@pytest.fixture
def company_b(app, paid_company) -> dict:
    """B's paid order, a new unpaid one, one of its codes, and everything that would betray B's data."""
    account, paid_order_id = paid_company
    b = Visitor(app.test_client())
    b.login(account)
    unpaid_order_id = b.place_order(5)
    licenses = b.get("/licenses").get_data(as_text=True)
    return {"visitor": b, "account": account, "order_ids": [paid_order_id, unpaid_order_id],
            "license_id": re.search(r'<tr id="license-([0-9a-f-]{36})"', licenses).group(1),
            # Not the ids: they are in the addresses A types, and echoed in "log in to continue" links.
            "secrets": [account.legal_name, account.email,
                        *re.findall(r"[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}", licenses),
                        *re.findall(r"WSCC-[0-9A-F]{8}", b.get("/dashboard").get_data(as_text=True))]}


def every_request(app: Flask, company_b: dict) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every route and method, aimed at B's records wherever a route takes an id."""
    requests = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            choices = {"order_id": company_b["order_ids"], "license_id": [company_b["license_id"]],
                       "token": ["not-a-real-token"], "code": ["fr"], "filename": ["portal.css"]}
            names = sorted(rule.arguments)
            for values, method in product(product(*(choices[name] for name in names)),
                                          sorted(rule.methods - {"HEAD", "OPTIONS"})):
                query = {"token": "EC-NOT-B", "PayerID": "X"} if rule.endpoint.startswith("payment.") else {}
                arguments = dict(zip(names, values, strict=True)) | query
                requests.append((rule.endpoint, method, url_for(rule.endpoint, **arguments)))
    return requests


def send(visitor: Visitor, method: str, url: str, token_page: str):
    if method == "GET":
        return visitor.get(url)
    data = {"csrf_token": visitor.csrf_token(token_page), "assigned_to_name": "HACKED", "quantity": "5"}
    return visitor.client.post(url, data=data)


def assert_nothing_of_b(response, company_b: dict, where: str) -> None:
    body = response.get_data(as_text=True)
    leaked = [secret for secret in company_b["secrets"] if secret in body]
    assert leaked == [], f"{where} shows B's data: {leaked}"


def test_the_walk_covers_every_route(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == PUBLIC | OWN_COMPANY_PAGES | EVERY_SIGNED_IN_USER | ANOTHER_COMPANYS_RECORD | ADMIN_ONLY


def test_an_anonymous_visitor_is_sent_to_log_in_everywhere_but_public_pages(app, company_b):
    anonymous = Visitor(app.test_client())
    for endpoint, method, url in every_request(app, company_b):
        response = send(anonymous, method, url, "/login")
        where = f"anonymous {method} {url}"
        assert response.status_code < 500, where
        if endpoint not in PUBLIC:
            assert response.status_code == 302 and response.headers["Location"].startswith("/login"), where
        assert_nothing_of_b(response, company_b, where)


def test_company_a_never_reaches_company_bs_records(app, company_b, company, visitor):
    for endpoint, method, url in every_request(app, company_b):
        if endpoint == "auth.logout":
            continue  # would end A's session mid-walk
        response = send(visitor, method, url, "/account")
        where = f"company A {method} {url}"
        if endpoint in ANOTHER_COMPANYS_RECORD:
            assert response.status_code == 404, where
        elif endpoint in ADMIN_ONLY:
            assert response.status_code == 403, where
        else:
            assert response.status_code < 500, where
        assert_nothing_of_b(response, company_b, where)


def test_an_administrator_cannot_use_company_pages(app, company_b):
    from services.web.demo import ensure_admin
    login = ensure_admin("walker-admin@wsc.example", "an admin password")
    admin = Visitor(app.test_client())
    admin.login(Account(login.email, login.password, ""))
    for endpoint, method, url in every_request(app, company_b):
        if endpoint in OWN_COMPANY_PAGES | ANOTHER_COMPANYS_RECORD:
            assert send(admin, method, url, "/account").status_code == 403, f"admin {method} {url}"


def test_after_every_walk_company_bs_records_are_unchanged(app, company_b, company, visitor):
    for endpoint, method, url in every_request(app, company_b):
        if method == "POST" and endpoint in ANOTHER_COMPANYS_RECORD:
            send(visitor, method, url, "/account")
    b = company_b["visitor"]
    unpaid = text_of(b.get(f"/orders/{company_b['order_ids'][1]}"))
    assert "Awaiting payment" in unpaid and "CLICK HERE TO GO TO PAYPAL" in unpaid
    assert "HACKED" not in b.get("/licenses").get_data(as_text=True)
