"""Log in and out, CSRF on every form, a password change ending other sessions, throttling (in-process; the
server-side session's own tests, over HTTP, are in test_server_sessions.py)."""
from tests.integration.web.support import PASSWORD, Visitor, text_of


def test_log_out_then_log_in_again(visitor, company):
    assert visitor.logout().headers["Location"] == "/"
    assert visitor.get("/dashboard").headers["Location"].startswith("/login")
    response = visitor.login(company)
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert visitor.get("/dashboard").status_code == 200


def test_the_email_is_matched_whatever_its_case(visitor, company):
    visitor.logout()
    response = visitor.submit("/login", {"email": company.email.upper(), "password": PASSWORD})
    assert response.headers["Location"] == "/dashboard"


def test_a_wrong_password_is_refused_with_one_message_for_both_fields(visitor, company):
    visitor.logout()
    response = visitor.submit("/login", {"email": company.email, "password": PASSWORD + "x"})
    assert response.status_code == 422
    assert "The e-mail address or the password is not right." in text_of(response)
    unknown = visitor.submit("/login", {"email": "nobody@nowhere.example", "password": PASSWORD})
    assert "The e-mail address or the password is not right." in text_of(unknown)


def test_login_goes_back_to_the_page_asked_for_but_never_off_site(visitor, company):
    visitor.logout()
    token = visitor.csrf_token("/login")
    back = visitor.client.post("/login?next=/licenses", data={"csrf_token": token, "email": company.email,
                                                              "password": PASSWORD})
    assert back.headers["Location"] == "/licenses"
    visitor.logout()
    token = visitor.csrf_token("/login")
    away = visitor.client.post("/login?next=https://evil.example/", data={"csrf_token": token,
                                                                          "email": company.email,
                                                                          "password": PASSWORD})
    assert away.headers["Location"] == "/dashboard"


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(visitor, company):
    response = visitor.client.post("/logout")
    assert response.status_code == 400
    assert "The form expired" in text_of(response)
    assert visitor.get("/dashboard").status_code == 200  # still signed in
    forged = visitor.client.post("/orders/new", data={"quantity": "10", "csrf_token": "forged"})
    assert forged.status_code == 400
    assert "Awaiting payment" not in text_of(visitor.get("/dashboard"))


def test_changing_the_password_ends_every_other_session(app, visitor, company):
    laptop, phone = visitor, Visitor(app.test_client())
    phone.login(company)
    assert phone.get("/dashboard").status_code == 200
    response = laptop.submit("/account/password", {"current_password": PASSWORD, "password": "a brand new password",
                                                    "confirm": "a brand new password"})
    assert response.status_code == 302
    assert laptop.get("/dashboard").status_code == 200  # this session goes on
    assert phone.get("/dashboard").headers["Location"].startswith("/login")  # the other one ended


def test_a_wrong_current_password_changes_nothing(visitor, company):
    response = visitor.submit("/account/password", {"current_password": "not the password",
                                                     "password": "a brand new password",
                                                     "confirm": "a brand new password"})
    assert response.status_code == 422
    assert "This is not your current password." in text_of(response)
    visitor.logout()
    assert visitor.login(company).headers["Location"] == "/dashboard"


def test_repeated_failed_logins_for_one_address_are_throttled_whatever_its_case(services, company, make_app):
    visitor = Visitor(make_app(login_failures_before_delay=3, login_delay_base_seconds=30).test_client())
    statuses = [visitor.submit("/login", {"email": company.email.upper(), "password": "wrong password!"}).status_code
                for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    assert "Wait 30 seconds, then try again." in text_of(visitor.submit("/login", {"email": company.email,
                                                                                  "password": PASSWORD}))
    elsewhere = visitor.submit("/login", {"email": "someone.else@mines.example", "password": "wrong password!"})
    assert elsewhere.status_code == 422  # another address is not blocked by this one


def test_wrong_current_passwords_count_toward_the_accounts_limit_of_failed_guesses(services, make_app):
    visitor = Visitor(make_app(login_failures_before_delay=2, login_delay_base_seconds=30).test_client())
    account = visitor.register()
    attempts = [visitor.submit("/account/password", {"current_password": f"guess number {n}",
                                                     "password": "a brand new password",
                                                     "confirm": "a brand new password"})
                for n in range(3)]
    assert [response.status_code for response in attempts] == [422, 422, 429]
    assert "Wait 30 seconds, then try again." in text_of(attempts[2])
    visitor.logout()
    assert visitor.login(account).status_code == 429  # the sign-in page shares the count
