"""Forgot password: the same answer for any address; a link usable once, its event carrying only the link's id."""
from tests.integration.web.support import PASSWORD, WebDatabase, text_of

NEW_PASSWORD = "my new long password"


def reset_events_for(web_db: WebDatabase, email: str) -> list[dict]:
    return [event for event in web_db.outbox_events("user.password_reset_requested") if event["data"]["email"] == email]


def test_an_unknown_address_gets_the_same_answer_and_no_email(visitor, web_db):
    known = visitor.submit("/password/forgot", {"email": "nobody-here@mines.example"})
    assert known.status_code == 200
    assert "If an account uses this address, we sent it a link" in text_of(known)
    assert reset_events_for(web_db, "nobody-here@mines.example") == []


def test_the_link_sets_a_new_password_once(visitor, company, services, web_db):
    visitor.logout()
    answer = visitor.submit("/password/forgot", {"email": company.email.upper()})
    assert "If an account uses this address, we sent it a link" in text_of(answer)
    [event] = reset_events_for(web_db, company.email)
    assert event["data"]["expires_in_minutes"] == 60
    assert set(event["data"]) == {"user_id", "link_id", "email", "name", "language", "expires_in_minutes"}
    path = web_db.emailed_link("user.password_reset_requested", company.email)
    assert path.startswith("/password/reset/" + event["data"]["link_id"] + ".")
    assert path.removeprefix("/password/reset/") not in str(event)  # the token is derived, never published

    weak = visitor.submit(path, {"password": "short", "confirm": "short"})
    assert weak.status_code == 422 and "Use at least 12 characters." in text_of(weak)
    common = visitor.submit(path, {"password": "password1234", "confirm": "password1234"})
    assert common.status_code == 422 and "This is one of the most common passwords" in text_of(common)
    done = visitor.submit(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"] == "/login"

    again = visitor.get(path)
    assert again.status_code == 404 and "This link no longer works" in text_of(again)
    assert visitor.submit("/login", {"email": company.email, "password": PASSWORD}).status_code == 422
    assert visitor.submit("/login", {"email": company.email, "password": NEW_PASSWORD}).status_code == 302


def test_a_tampered_link_does_not_work(visitor, company, web_db):
    response = visitor.get("/password/reset/not-a-real-token")
    assert response.status_code == 404
    visitor.submit("/password/forgot", {"email": company.email})
    genuine = web_db.emailed_link("user.password_reset_requested", company.email)
    link_id = genuine.removeprefix("/password/reset/").split(".")[0]
    assert visitor.get(f"/password/reset/{link_id}").status_code == 404  # the id alone opens nothing
    assert visitor.get(genuine[:-2] + "xx").status_code == 404
