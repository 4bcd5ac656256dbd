"""Administrators see the orders held for review; nobody else does."""
import uuid

from services.web.accounts.demo import ensure_admin
from tests.integration.web.support import Account, Visitor, text_of


def test_an_administrator_sees_the_held_orders_page(app, web_runtime):
    email = f"admin-{uuid.uuid4().hex[:8]}@wsc.example"
    ensure_admin(web_runtime.db, email, "an admin password")
    ensure_admin(web_runtime.db, email, "an admin password")  # idempotent
    admin = Visitor(app.test_client())
    response = admin.login(Account(email, "an admin password", ""))
    assert response.headers["Location"] == "/admin/orders"
    page = admin.get("/admin/orders")
    assert page.status_code == 200 and "Orders under review" in text_of(page)
    assert admin.get("/dashboard").status_code == 403


def test_a_company_cannot_open_the_admin_page(visitor, company):
    assert visitor.get("/admin/orders").status_code == 403


def test_the_cli_creates_staff_accounts_and_the_demo_company_idempotently(app):
    runner = app.test_cli_runner()
    email = f"reviewer-{uuid.uuid4().hex[:8]}@wsc.example"
    result = runner.invoke(args=["create-user", "--role", "reviewer", "--email", email, "--name", "Rita Reviewer",
                                 "--password", "a reviewer password"])
    assert result.exit_code == 0 and f"reviewer account ready: {email}" in result.output
    weak = runner.invoke(args=["create-user", "--role", "admin", "--email", email, "--name", "x",
                               "--password", "short"])
    assert weak.exit_code != 0 and "too short" in weak.output
    first, second = runner.invoke(args=["create-demo"]), runner.invoke(args=["create-demo"])
    assert first.output == second.output and "representative@demo-mine.example" in first.output
    demo = Visitor(app.test_client())
    assert demo.login(Account("representative@demo-mine.example", "demo-password-2024", "")).headers[
        "Location"] == "/dashboard"
