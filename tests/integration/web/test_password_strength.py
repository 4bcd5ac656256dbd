"""Common and breached passwords are refused wherever a password is chosen, saying why in the reader's language."""
from __future__ import annotations

import uuid

from tests.integration.web.people import admin_visitor, new_employee
from tests.integration.web.support import PASSWORD, Visitor, text_of

COMMON = ("password1234", "qwertyuiop123")
WHY_EN = "This is one of the most common passwords: it is among the first ones tried."
WHY_FR = "C'est l'un des mots de passe les plus répandus : il fait partie des premiers essayés."
STRONG = "tern quarry lantern oboe"


def registration(password: str) -> dict:
    return {"legal_name": "Weak Links Ltd.", "representative_name": "Wes Weak",
            "email": f"weak-{uuid.uuid4().hex[:8]}@mines.example", "phone": "1", "mailing_address": "x",
            "language": "en", "password": password, "confirm": password}


def test_registration_refuses_common_passwords_in_english_and_french_and_takes_a_strong_one(app):
    english, french = Visitor(app.test_client()), Visitor(app.test_client())
    french.get("/language/fr")
    for password in COMMON:
        refused = english.submit("/register", registration(password))
        assert refused.status_code == 422 and WHY_EN in text_of(refused)
        refusé = french.submit("/register", registration(password))
        assert refusé.status_code == 422 and WHY_FR in text_of(refusé).replace("\u00a0", " ")
        employee = english.submit("/employee/register", {"name": "Wes Weak", "email": "w@crew.example",
                                                        "phone": "1", "language": "en", "password": password,
                                                        "confirm": password})
        assert employee.status_code == 422 and WHY_EN in text_of(employee)
    accepted = english.submit("/register", registration(STRONG))
    assert accepted.status_code == 200 and "Check your e-mail" in text_of(accepted)


def test_changing_a_password_refuses_a_common_one_and_one_built_on_the_persons_name(app):
    employee = new_employee(app, name="Tikaani Kablutsiak")
    employee.get("/language/fr")
    for password in (*COMMON, "Tikaani Kablutsiak 1"):
        refused = employee.submit("/account/password", {"current_password": PASSWORD, "password": password,
                                                        "confirm": password})
        assert refused.status_code == 422, password
    assert WHY_FR in text_of(refused := employee.submit("/account/password", {
        "current_password": PASSWORD, "password": COMMON[1], "confirm": COMMON[1]})).replace("\u00a0", " ")
    assert employee.submit("/account/password", {"current_password": PASSWORD, "password": STRONG,
                                                 "confirm": STRONG}).status_code == 302


def test_an_administrator_cannot_give_a_staff_account_a_common_password(app):
    admin = admin_visitor(app)
    for password in COMMON:
        refused = admin.submit("/admin/staff", {"name": "Rita", "email": f"r-{uuid.uuid4().hex[:6]}@wsc.example",
                                                "role": "reviewer", "language": "en", "password": password})
        assert refused.status_code == 422 and WHY_EN in text_of(refused)


def test_an_employee_changes_their_address_only_with_the_current_password(app, web_db):
    employee = new_employee(app)
    profile = {"name": employee.name, "email": f"new-{uuid.uuid4().hex[:8]}@crew.example", "phone": "1",
               "language": "en"}
    wrong = employee.submit("/account", profile | {"current_password": "not the password at all"})
    assert wrong.status_code == 422 and "To change your e-mail address, enter your current password." in text_of(wrong)
    assert web_db.user(employee.account.email).email == employee.account.email
    assert employee.submit("/account", profile | {"current_password": PASSWORD}).status_code == 302
    assert web_db.user(employee.account.email) is None  # now under the new address
