"""CREATE A NEW PROFILE → REGISTER → signed in, on the dashboard; company.registered in the same transaction."""
import uuid

from sqlalchemy import func, select

from services.web.models import Company, Outbox, User
from services.web.runtime import get_runtime
from tests.integration.web.support import PASSWORD, outbox_events, text_of, wait_for


def count(model) -> int:
    with get_runtime().db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_home_page_offers_create_a_new_profile_and_log_in(visitor):
    page = text_of(visitor.get("/"))
    assert "CREATE A NEW PROFILE" in page and "Log in" in page
    assert "MiningCertification@wsc.nt.ca" in page


def test_registering_signs_in_and_lands_on_the_dashboard(visitor):
    response = visitor.submit("/register", {
        "legal_name": "Tundra Gold Mines Ltd.", "representative_name": "Ann Example", "email": "Ann@Tundra.example",
        "phone": "867-555-0100", "mailing_address": "1 Main St\nYellowknife NT", "employer_account_number": "",
        "site": "", "language": "fr", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    dashboard = visitor.get("/dashboard")
    assert dashboard.status_code == 200
    assert "ACHAT DE LICENCES" in text_of(dashboard) and "GESTION DES LICENCES" in text_of(dashboard)
    [event] = [e for e in outbox_events("company.registered") if e["data"]["email"].lower() == "ann@tundra.example"]
    assert event["data"]["legal_name"] == "Tundra Gold Mines Ltd."
    assert event["data"]["language"] == "fr"
    assert event["data"]["employer_account_number"] is None
    assert wait_for(lambda: published(event["id"]))  # relayed to RabbitMQ right after the commit


def published(event_id: str) -> bool:
    with get_runtime().db.reading() as session:
        return session.scalar(select(Outbox.published_at).where(Outbox.id == uuid.UUID(event_id))) is not None


def test_an_address_already_registered_in_another_case_is_refused_and_nothing_is_created(visitor, company, app):
    other = type(visitor)(app.test_client())
    users, companies, events = count(User), count(Company), len(outbox_events("company.registered"))
    response = other.submit("/register", {
        "legal_name": "Copycat Ltd.", "representative_name": "Bob", "email": company.email.upper(),
        "phone": "1", "mailing_address": "x", "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 422
    assert "An account already uses this e-mail address" in text_of(response)
    assert (count(User), count(Company), len(outbox_events("company.registered"))) == (users, companies, events)


def test_every_error_is_tied_to_its_field_and_listed_at_the_top(visitor):
    response = visitor.submit("/register", {"email": "not-an-address", "password": "short", "confirm": "other"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'class="error-summary" role="alert"' in html
    for field in ("legal_name", "representative_name", "email", "phone", "mailing_address", "password", "confirm"):
        assert f'href="#{field}"' in html
        assert f'aria-describedby="{field}-error"' in html or f'aria-describedby="{field}-hint {field}-error"' in html
    assert 'aria-invalid="true"' in html
    assert "Enter a valid e-mail address" in text_of(response)


def test_required_fields_are_marked_with_an_asterisk(visitor):
    html = visitor.get("/register").get_data(as_text=True)
    assert html.count('class="required" aria-hidden="true">*</span>') == 7  # the five profile fields + 2 passwords
    assert "Fields marked with an asterisk (*) are required." in html


def test_the_representative_edits_the_profile_and_company_updated_is_published(visitor, company):
    form = visitor.get("/account").get_data(as_text=True)
    assert company.legal_name in form
    response = visitor.submit("/account", {
        "legal_name": company.legal_name, "representative_name": "Ann Renamed", "email": company.email,
        "phone": "867-555-0199", "mailing_address": "2 Other St\nInuvik NT", "employer_account_number": "777",
        "site": "", "language": "en"})
    assert response.status_code == 302
    assert "Your profile was saved." in text_of(visitor.get("/account"))
    [event] = [e for e in outbox_events("company.updated") if e["data"]["email"] == company.email.lower()]
    assert (event["data"]["representative_name"], event["data"]["phone"], event["data"]["site"]) == (
        "Ann Renamed", "867-555-0199", None)


def test_the_profile_cannot_take_another_accounts_address(app, visitor, company):
    other = type(visitor)(app.test_client()).register()
    response = visitor.submit("/account", {
        "legal_name": company.legal_name, "representative_name": "Ann", "email": other.email.upper(),
        "phone": "1", "mailing_address": "x", "language": "en"})
    assert response.status_code == 422
    assert "An account already uses this e-mail address" in text_of(response)
