"""The language switch on every page: links for a visitor (remembered), a CSRF-checked form for a signed-in user
(saved on the account, which a link never changes); html lang follows."""
import re

from tests.integration.web.support import Visitor, WebDatabase, text_of


def test_the_switch_renders_the_page_in_french_and_comes_back_to_it(visitor):
    english = visitor.get("/register").get_data(as_text=True)
    assert '<html lang="en">' in english and 'href="/language/fr?next=/register"' in english
    response = visitor.get("/language/fr?next=/register")
    assert response.status_code == 302 and response.headers["Location"] == "/register"
    french = visitor.get("/register")
    html = french.get_data(as_text=True)
    assert '<html lang="fr">' in html
    assert "CRÉER UN NOUVEAU PROFIL" in text_of(french) and "S'INSCRIRE" in text_of(french)
    assert "CSTIT" in text_of(french) and "MiningCertification@wsc.nt.ca" in text_of(french)
    assert 'aria-current="true" lang="fr">Français</span>' in html


def test_the_choice_is_remembered_in_a_cookie_for_the_next_visit(app, visitor):
    response = visitor.get("/language/fr")
    assert "wscc_language=fr" in response.headers["Set-Cookie"]
    assert '<html lang="fr">' in visitor.get("/").get_data(as_text=True)


def test_the_browsers_language_is_used_until_a_choice_is_made(visitor):
    html = visitor.get("/", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="fr">' in html
    assert '<html lang="en">' in visitor.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)


def profile_language(visitor: Visitor) -> str:
    """The language the profile page shows as the account's preferred one."""
    html = visitor.get("/account").get_data(as_text=True)
    return re.search(r'<option selected value="([a-z]+)">|<option value="([a-z]+)" selected', html).group(1)


def language_events(web_db: WebDatabase, company) -> list[str]:
    return [event["data"]["language"] for event in web_db.outbox_events("company.updated")
            if event["data"]["email"] == company.email]


def test_a_signed_in_users_switch_is_a_form_that_saves_the_choice_and_follows_them_to_another_browser(
        app, visitor, company, web_db):
    html = visitor.get("/dashboard").get_data(as_text=True)
    assert 'action="/language/fr"' in html and 'href="/language/fr' not in html
    response = visitor.submit("/language/fr", {"next": "/dashboard"}, form_page="/dashboard")
    assert response.status_code == 303 and response.headers["Location"] == "/dashboard"
    assert '<html lang="fr">' in visitor.get("/dashboard").get_data(as_text=True)
    assert web_db.signed_in_user(visitor).language == "fr"
    assert profile_language(visitor) == "fr"
    assert language_events(web_db, company) == ["fr"]  # the e-mails follow the account's language
    elsewhere = Visitor(app.test_client())
    elsewhere.login(company)
    assert '<html lang="fr">' in elsewhere.get("/dashboard", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_a_link_changes_the_signed_in_users_pages_but_not_their_account(app, visitor, company, web_db):
    """A link from another site (or an image) can make the browser follow it: it must not change what is stored."""
    response = visitor.get("/language/fr?next=/dashboard")
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert '<html lang="fr">' in visitor.get("/dashboard").get_data(as_text=True)
    assert web_db.signed_in_user(visitor).language == "en"
    assert profile_language(visitor) == "en" and language_events(web_db, company) == []
    elsewhere = Visitor(app.test_client())
    elsewhere.login(company)
    assert '<html lang="en">' in elsewhere.get("/dashboard").get_data(as_text=True)


def test_saving_the_profile_language_wins_over_a_page_only_choice(visitor, company):
    visitor.get("/language/fr")
    form = {"legal_name": company.legal_name, "representative_name": "Ann Example", "email": company.email,
            "phone": "867-555-0100", "mailing_address": "1 Main St", "language": "en"}
    visitor.submit("/account", form | {"language": "fr"})
    visitor.submit("/account", form)
    assert '<html lang="en">' in visitor.get("/dashboard").get_data(as_text=True)


def test_the_switch_without_its_csrf_token_is_refused_and_changes_nothing(visitor, company, web_db):
    response = visitor.client.post("/language/fr", data={"next": "/dashboard"})
    assert response.status_code == 400
    assert '<html lang="en">' in visitor.get("/dashboard").get_data(as_text=True)
    assert profile_language(visitor) == "en" and language_events(web_db, company) == []


def test_an_unknown_language_is_not_found_and_next_stays_on_site(visitor):
    assert visitor.get("/language/xx").status_code == 404
    assert visitor.get("/language/fr?next=https://evil.example/").headers["Location"] == "/"


def test_error_pages_are_friendly_and_in_the_readers_language(visitor):
    visitor.get("/language/fr")
    response = visitor.get("/no-such-page")
    assert response.status_code == 404 and "Page introuvable" in text_of(response)
