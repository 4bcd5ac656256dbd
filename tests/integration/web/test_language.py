"""The language switch on every page: plain links, remembered, saved on the account; html lang follows."""
from tests.integration.web.support import Visitor, outbox_events, text_of


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


def test_a_signed_in_users_choice_is_saved_and_follows_them_to_another_browser(app, visitor, company):
    visitor.get("/language/fr")
    assert company.user.language == "fr"
    assert any(event["data"]["email"] == company.email and event["data"]["language"] == "fr"
               for event in outbox_events("company.updated"))
    elsewhere = Visitor(app.test_client())
    elsewhere.login(company)
    assert '<html lang="fr">' in elsewhere.get("/dashboard", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_an_unknown_language_is_not_found_and_next_stays_on_site(visitor):
    assert visitor.get("/language/xx").status_code == 404
    assert visitor.get("/language/fr?next=https://evil.example/").headers["Location"] == "/"


def test_error_pages_are_friendly_and_in_the_readers_language(visitor):
    visitor.get("/language/fr")
    response = visitor.get("/no-such-page")
    assert response.status_code == 404 and "Page introuvable" in text_of(response)
