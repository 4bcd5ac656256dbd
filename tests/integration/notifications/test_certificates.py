"""A certificate's life on the real broker, worker and SMTP sink: issued with its number, dates and public
verification link, reminded, suspended, reinstated and revoked; the reason goes to the employee, never the company."""
from __future__ import annotations

from datetime import timedelta

from common.events import new_event
from tests.integration.notifications.journey import all_handled, certificate, employee, enrolment
from tests.integration.notifications.support import (
    CODE_SHAPED, all_sent, company, notifications_to, plain, registered, subjects, wait_until)

SUSPENSION = "Your first aid certificate lapsed on June 30.\nSend us a current one to have the suspension lifted."
REINSTATEMENT = "A current first aid certificate was received."
REVOCATION = "The experience declared in the application was found to be false."


def test_the_employee_gets_each_certificate_email_with_the_reason_and_the_company_without_it(mail, publish, stack, db):
    portal = stack.env()["WSCC_PUBLIC_URL"]
    firm = company(language="en", representative_name="Pat Kaludjak")
    marie = employee("Marie Dupont", "fr")
    registered(mail, publish, firm, marie)
    issued = certificate(enrolment(marie, firm.company_id))
    number, grouped = issued.number, f"{issued.number[:5]}-{issued.number[5:]}"

    def later(days: int, status: str, reason: str | None = None, **changes):
        return issued.model_copy(update={"at": issued.at + timedelta(days=days), "status": status, "reason": reason,
                                         **changes})

    events = [new_event("certificate.issued", issued),
              new_event("certificate.expiring", later(1065, "valid", days_left=30)),
              new_event("certificate.suspended", later(100, "suspended", SUSPENSION)),
              new_event("certificate.reinstated", later(120, "valid", REINSTATEMENT)),
              new_event("certificate.revoked", later(1080, "revoked", REVOCATION))]
    again = [new_event(event.type, event.payload()) for event in events]  # the same facts under new event ids
    for event in events + events + again:
        publish(event)

    to_marie = subjects(mail.wait_for(str(marie.email), 6))
    to_firm = subjects(mail.wait_for(str(firm.email), 6))
    wait_until(lambda: all_handled(db, *events, *again), what="every handler of every event")
    assert set(to_marie) == {"Votre compte a été créé", "Votre certificat a été délivré",
                             "Votre certificat expire dans 30 jours", "Votre certificat a été suspendu",
                             "Votre certificat est de nouveau valide", "Votre certificat a été révoqué"}
    assert set(to_firm) == {"Your company profile has been created", "Certificate issued: Marie Dupont",
                            "Reminder: Marie Dupont's certificate expires in 30 days",
                            "Certificate suspended: Marie Dupont", "Certificate valid again: Marie Dupont",
                            "Certificate revoked: Marie Dupont"}

    sent = to_marie["Votre certificat a été délivré"]
    text = plain(sent["text"])
    for line in (f"Numéro du certificat : {grouped}", "Date de délivrance : 10 juillet 2026",
                 "Date d'expiration : 10 juillet 2029", f"{portal}/verify/{number}", f"{portal}/certificates"):
        assert line in text
    assert f'href="{portal}/verify/{number}"' in sent["html"] and f'href="{portal}/certificates"' in sent["html"]
    assert "expire le 10 juillet 2029" in plain(to_marie["Votre certificat expire dans 30 jours"]["text"])
    for subject, reason in (("Votre certificat a été suspendu", SUSPENSION),
                            ("Votre certificat est de nouveau valide", REINSTATEMENT),
                            ("Votre certificat a été révoqué", REVOCATION)):
        assert reason.replace("\n", "\n    ") in to_marie[subject]["text"]

    certified = plain(to_firm["Certificate issued: Marie Dupont"]["text"])
    assert f"Certificate number: {grouped}" in certified and "Expires on: July 10, 2029" in certified
    assert f"{portal}/verify/{number}" in certified
    for message in to_firm.values():
        everything = message["text"] + message["html"]
        assert not any(words in everything for words in ("first aid", "current first aid", "found to be false"))
        assert message["headers"]["Content-Language"] == "en"
    for message in [*to_marie.values(), *to_firm.values()]:
        assert not CODE_SHAPED.search(message["text"] + message["html"])

    all_sent(db, str(marie.email), 6)
    all_sent(db, str(firm.email), 6)
    assert len(mail.messages(str(marie.email))) == 6 and len(mail.messages(str(firm.email))) == 6
    assert len({n.key for n in notifications_to(db, str(marie.email))}) == 6
