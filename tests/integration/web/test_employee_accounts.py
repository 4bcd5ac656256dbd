"""Create an employee account → check your e-mail → the link signs in on "My journey"; employee.registered (once
confirmed) and employee.updated go out in the same transaction as the change; an e-mail address belongs to one
account, whatever its case and role, and registering never says whether it has one."""
from __future__ import annotations

import uuid

from services.web.models import User
from tests.integration.web.people import Employee, new_employee
from tests.integration.web.support import PASSWORD, Visitor, WebDatabase, text_of


def employee_data(**changes: str) -> dict:
    return {"name": "Élise Côté", "email": f"elise-{uuid.uuid4().hex[:8]}@crew.example", "phone": "867-555-0142",
            "language": "fr", "password": PASSWORD, "confirm": PASSWORD} | changes


def test_the_home_page_offers_an_employee_account(visitor):
    html = visitor.get("/").get_data(as_text=True)
    assert "Create an employee account" in html and 'href="/employee/register"' in html


def employee_registered(web_db: WebDatabase, email: str) -> list[dict]:
    return [e for e in web_db.outbox_events("employee.registered") if e["data"]["email"].lower() == email.lower()]


def test_the_confirmation_link_signs_the_employee_in_on_their_journey_and_publishes_employee_registered(app, web_db):
    visitor = Visitor(app.test_client())
    data = employee_data(email=f"Elise.{uuid.uuid4().hex[:8]}@Crew.example")
    response = visitor.submit("/employee/register", data)
    assert response.status_code == 200 and "Check your e-mail" in text_of(response)
    assert visitor.get("/employee").status_code == 302  # not signed in yet
    # Nobody hears of an account before its address is confirmed.
    assert employee_registered(web_db, data["email"]) == []
    visitor.confirm(data["email"], "/employee")
    page = text_of(visitor.get("/employee"))
    assert "Mon parcours" in page and "Cours d'introduction" in page  # the chosen language, right away
    [event] = employee_registered(web_db, data["email"])
    assert (event["data"]["name"], event["data"]["phone"], event["data"]["language"]) == (
        "Élise Côté", "867-555-0142", "fr")


def test_required_fields_are_marked_and_every_error_is_tied_to_its_field(visitor):
    html = visitor.get("/employee/register").get_data(as_text=True)
    assert html.count('class="required" aria-hidden="true">*</span>') == 6
    response = visitor.submit("/employee/register", {"email": "not-an-address", "password": "short",
                                                     "confirm": "other", "language": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'class="error-summary" role="alert"' in html
    for field in ("name", "email", "phone", "language", "password", "confirm"):
        assert f'href="#{field}"' in html
        assert f'aria-describedby="{field}-error"' in html or f'aria-describedby="{field}-hint {field}-error"' in html
    assert "Enter your name." in text_of(response) and "Use at least 12 characters." in text_of(response)


def test_registering_with_a_taken_address_in_any_case_and_role_creates_nothing_and_looks_the_same(app, company, web_db):
    users = web_db.count(User)
    employee = new_employee(app)
    attempts = len(web_db.outbox_events("user.registration_attempted"))
    taken_by_a_company = Visitor(app.test_client()).submit("/employee/register",
                                                           employee_data(email=company.email.upper()))
    taken_by_an_employee = Visitor(app.test_client()).submit("/employee/register",
                                                             employee_data(email=employee.account.email.title()))
    company_copy = Visitor(app.test_client()).submit("/register", {
        "legal_name": "Copycat Ltd.", "representative_name": "Bob", "email": employee.account.email.upper(),
        "phone": "1", "mailing_address": "x", "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    for response in (taken_by_a_company, taken_by_an_employee, company_copy):
        assert response.status_code == 200 and "Check your e-mail" in text_of(response)
        assert "already" not in text_of(response)
    assert web_db.count(User) == users + 1  # only the one employee registered on purpose
    assert len(web_db.outbox_events("user.registration_attempted")) == attempts + 3  # each owner is told by e-mail


def test_the_employee_edits_their_profile_and_employee_updated_is_published(app, web_db):
    employee = new_employee(app)
    form = employee.get("/account").get_data(as_text=True)
    assert employee.name in form and 'name="phone"' in form and "Company profile" not in form
    response = employee.submit("/account", {"name": "Emma Renamed", "email": employee.account.email,
                                            "phone": "867-555-0199", "language": "en"})
    assert response.status_code == 302
    assert "Your profile was saved." in text_of(employee.get("/account"))
    [event] = [e for e in web_db.outbox_events("employee.updated") if e["data"]["email"] == employee.account.email]
    assert (event["data"]["name"], event["data"]["phone"]) == ("Emma Renamed", "867-555-0199")


def test_switching_language_tells_the_services_through_employee_updated(app, web_db):
    employee = new_employee(app)
    employee.submit("/language/fr", {"next": "/employee"}, form_page="/employee")
    events = [e for e in web_db.outbox_events("employee.updated") if e["data"]["email"] == employee.account.email]
    assert [event["data"]["language"] for event in events] == ["fr"]


def test_an_employee_cannot_take_another_accounts_address_in_their_profile(app, company):
    employee = new_employee(app)
    response = employee.submit("/account", {"name": employee.name, "email": company.email.upper(),
                                            "phone": "1", "language": "en", "current_password": PASSWORD})
    assert response.status_code == 422 and "An account already uses this e-mail address" in text_of(response)


def test_an_employee_logs_in_to_their_journey(app):
    employee = new_employee(app)
    employee.logout()
    again = Employee(app.test_client())
    assert again.login(employee.account).headers["Location"] == "/employee"
