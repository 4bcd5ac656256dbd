"""CREATE A NEW PROFILE → REGISTER → "check your e-mail" whatever the address → the e-mailed link confirms it and
signs in on the dashboard; company.registered in the same transaction as the confirmation."""
import uuid

from sqlalchemy import select

from services.web.models import Company, Outbox, User
from tests.integration.web.support import PASSWORD, Visitor, WebDatabase, text_of, wait_for


def test_the_home_page_offers_create_a_new_profile_and_log_in(visitor):
    page = text_of(visitor.get("/"))
    assert "CREATE A NEW PROFILE" in page and "Log in" in page
    assert "MiningCertification@wsc.nt.ca" in page


def test_registering_asks_to_check_the_email_and_its_link_signs_in_once_on_the_dashboard(visitor, app, web_db):
    response = visitor.submit("/register", {
        "legal_name": "Tundra Gold Mines Ltd.", "representative_name": "Ann Example", "email": "Ann@Tundra.example",
        "phone": "867-555-0100", "mailing_address": "1 Main St\nYellowknife NT", "employer_account_number": "",
        "site": "", "language": "fr", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 200 and "Check your e-mail" in text_of(response)
    assert "We sent a message to Ann@Tundra.example" in text_of(response)
    assert visitor.get("/dashboard").status_code == 302  # not signed in before the address is confirmed
    assert registered(web_db, "ann@tundra.example") == []
    [request] = [e for e in web_db.outbox_events("user.confirmation_requested")
                 if e["data"]["email"].lower() == "ann@tundra.example"]
    assert set(request["data"]) == {"user_id", "link_id", "email", "name", "language", "expires_in_minutes"}

    link = web_db.emailed_link("user.confirmation_requested", "Ann@Tundra.example")
    assert visitor.get(link).status_code == 200  # opening the link only shows the button (mail scanners open links)
    assert visitor.get("/dashboard").status_code == 302
    visitor.confirm("Ann@Tundra.example", "/dashboard")
    dashboard = visitor.get("/dashboard")
    assert dashboard.status_code == 200
    assert "ACHAT DE LICENCES" in text_of(dashboard) and "GESTION DES LICENCES" in text_of(dashboard)
    [event] = registered(web_db, "ann@tundra.example")
    assert event["data"]["legal_name"] == "Tundra Gold Mines Ltd."
    assert event["data"]["language"] == "fr"
    assert event["data"]["employer_account_number"] is None
    assert wait_for(lambda: published(web_db, event["id"]))  # relayed to RabbitMQ right after the commit

    again = type(visitor)(app.test_client()).submit(link)
    assert again.status_code == 404 and "This link no longer works" in text_of(again)


def registered(web_db: WebDatabase, email: str) -> list[dict]:
    return [e for e in web_db.outbox_events("company.registered") if e["data"]["email"].lower() == email]


def test_an_unconfirmed_account_cannot_log_in_and_is_offered_a_new_link(visitor, app, web_db):
    email = f"unconfirmed-{uuid.uuid4().hex[:8]}@mines.example"
    visitor.submit("/register", {
        "legal_name": "Late Mines Ltd.", "representative_name": "Lee", "email": email, "phone": "1",
        "mailing_address": "x", "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    answer = visitor.submit("/login", {"email": email, "password": PASSWORD})
    assert answer.status_code == 200 and "Confirm your e-mail address first" in text_of(answer)
    assert visitor.get("/dashboard").status_code == 302 and visitor.get("/account").status_code == 302
    first = web_db.emailed_link("user.confirmation_requested", email)
    resent = visitor.submit("/register/resend", {"email": email}, form_page="/login")
    assert resent.status_code == 200 and "Check your e-mail" in text_of(resent)
    assert web_db.emailed_link("user.confirmation_requested", email) != first  # a new link, as asked
    visitor.confirm(email, "/dashboard")


def published(web_db: WebDatabase, event_id: str) -> bool:
    with web_db.runtime.db.reading() as session:
        return session.scalar(select(Outbox.published_at).where(Outbox.id == uuid.UUID(event_id))) is not None


def test_an_address_already_registered_in_another_case_gets_the_same_page_creates_nothing_and_is_told(
        visitor, company, app, web_db):
    other = type(visitor)(app.test_client())
    users, companies = web_db.count(User), web_db.count(Company)
    events = len(web_db.outbox_events("company.registered"))
    new_address = other.submit("/register", {
        "legal_name": "Fresh Ltd.", "representative_name": "Bob", "email": f"fresh-{uuid.uuid4().hex[:8]}@x.example",
        "phone": "1", "mailing_address": "x", "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    response = other.submit("/register", {
        "legal_name": "Copycat Ltd.", "representative_name": "Bob", "email": company.email.upper(),
        "phone": "1", "mailing_address": "x", "language": "en", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == new_address.status_code == 200
    same_page = text_of(response).replace(company.email.upper(), "ADDRESS")
    assert same_page == text_of(new_address).replace(new_address_of(new_address), "ADDRESS")
    assert (web_db.count(User), web_db.count(Company), len(web_db.outbox_events("company.registered"))) == (
        users + 1, companies + 1, events)  # only the new address got an (unconfirmed) account
    [attempt] = [e for e in web_db.outbox_events("user.registration_attempted")
                 if e["data"]["email"].lower() == company.email.lower()]
    assert attempt["data"]["user_id"] == str(web_db.user(company.email).id)


def new_address_of(response) -> str:
    return text_of(response).split("We sent a message to ", 1)[1].split(". ", 1)[0]


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


def test_the_representative_edits_the_profile_and_company_updated_is_published(visitor, company, web_db):
    form = visitor.get("/account").get_data(as_text=True)
    assert company.legal_name in form
    response = visitor.submit("/account", {
        "legal_name": company.legal_name, "representative_name": "Ann Renamed", "email": company.email,
        "phone": "867-555-0199", "mailing_address": "2 Other St\nInuvik NT", "employer_account_number": "777",
        "site": "", "language": "en"})
    assert response.status_code == 302
    assert "Your profile was saved." in text_of(visitor.get("/account"))
    [event] = [e for e in web_db.outbox_events("company.updated") if e["data"]["email"] == company.email.lower()]
    assert (event["data"]["representative_name"], event["data"]["phone"], event["data"]["site"]) == (
        "Ann Renamed", "867-555-0199", None)


def test_the_profile_cannot_take_another_accounts_address(app, visitor, company):
    other = type(visitor)(app.test_client()).register()
    response = visitor.submit("/account", {
        "legal_name": company.legal_name, "representative_name": "Ann", "email": other.email.upper(),
        "phone": "1", "mailing_address": "x", "language": "en", "current_password": PASSWORD})
    assert response.status_code == 422
    assert "An account already uses this e-mail address" in text_of(response)


def test_registering_again_before_confirming_replaces_the_unconfirmed_account_and_only_the_newest_link_works(
        app, web_db):
    email = f"twice-{uuid.uuid4().hex[:8]}@mines.example"
    first, second = Visitor(app.test_client()), Visitor(app.test_client())
    details = {"representative_name": "Tess Twice", "email": email, "phone": "1", "mailing_address": "x",
               "language": "en", "password": PASSWORD, "confirm": PASSWORD}
    first.submit("/register", details | {"legal_name": "First Try Ltd."})
    first_link = web_db.emailed_link("user.confirmation_requested", email)
    second.submit("/register", details | {"legal_name": "Second Try Ltd."})
    assert first.submit(first_link).status_code == 404  # someone else's earlier registration cannot be confirmed
    second.confirm(email, "/dashboard")
    [event] = registered(web_db, email)
    assert event["data"]["legal_name"] == "Second Try Ltd."
