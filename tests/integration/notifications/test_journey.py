"""The employee's journey and the license's life on the real broker, worker and SMTP sink: each e-mail once, to
the right person, in their language, with the deadlines and reasons, and never a code."""
from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest

from common.events import new_event
from services.notifications.models import NotificationStatus
from tests.integration.notifications.journey import (
    APPROVED_AT, REDEEM_BY, UNDERGROUND, all_handled, application, approval, employee, license_change, refusal)
from tests.integration.notifications.support import (
    CODE_SHAPED, company, notifications_to, reset_request, unique_email, wait_until)

NBSP = re.compile("[\u00a0\u202f]")
REASON = "Your proof of mining experience covers 6 months; 2 years are required."


def subjects(messages: list[dict]) -> dict[str, dict]:
    found = {message["subject"]: message for message in messages}
    assert len(found) == len(messages), [m["subject"] for m in messages]  # one e-mail per subject
    return found


def plain(text: str) -> str:
    return NBSP.sub(" ", text)


@pytest.fixture
def without_courses(processes):
    """Only notifications' answer to these events is counted: a courses worker left running by another suite would
    answer license.redeemed with course.opened, one more e-mail (that journey is test_courses.py's). It is started
    again afterwards for the suites that expect it."""
    running = "courses-worker" in processes.running
    if running:
        processes.stop("courses-worker")
    yield
    if running:
        processes.ensure("courses-worker")


def test_an_employee_and_their_company_get_each_email_of_the_journey_once(mail, publish, stack, db, without_courses):
    portal = stack.env()["WSCC_PUBLIC_URL"]
    firm = company(language="en", legal_name="Northern Mines Ltd.", representative_name="Pat Kaludjak")
    marie, sam = employee("Marie Dupont", "fr"), employee("Sam Okalik", "en")
    marie_license, sam_license = uuid.uuid4(), uuid.uuid4()
    submitted = application(marie, at=APPROVED_AT - timedelta(days=20))
    sams_application = application(sam, at=APPROVED_AT - timedelta(days=20))
    reinstated_until = REDEEM_BY + timedelta(days=109, hours=2, minutes=54)  # Sept 30, 2026, 5:59 p.m. MDT

    def about(person, license_id, days, **changes):
        return license_change(license_id, firm.company_id, person, APPROVED_AT + timedelta(days=days), **changes)

    eligible = dict(redeem_by=REDEEM_BY, certification=UNDERGROUND, application_id=submitted.application_id)
    events = [
        new_event("company.registered", firm), new_event("employee.registered", marie),
        new_event("employee.registered", sam),
        new_event("application.submitted", submitted),
        new_event("application.documents_requested", submitted.model_copy(update={
            "at": submitted.at + timedelta(days=2), "message": "Please add your first aid certificate."})),
        new_event("application.approved", approval(submitted)),
        new_event("license.claimed", about(marie, marie_license, 1)),
        new_event("license.eligible", about(marie, marie_license, 1, **eligible)),
        new_event("license.expiring", about(marie, marie_license, 83, days_left=7, **eligible)),
        new_event("license.expiring", about(marie, marie_license, 83, days_left=7, **eligible)),  # same fact again
        new_event("license.expired", about(marie, marie_license, 90, **eligible)),
        new_event("license.reinstated", about(marie, marie_license, 95, **eligible | {"redeem_by": reinstated_until})),
        new_event("license.redeemed", about(marie, marie_license, 96, **eligible | {"redeem_by": reinstated_until})),
        new_event("license.claimed", about(sam, sam_license, 2)),
        new_event("application.refused", refusal(sams_application, REASON, at=APPROVED_AT + timedelta(days=3))),
    ]
    redelivered = [event for event in events if event.type in (
        "application.documents_requested", "application.approved", "license.claimed", "license.eligible")]
    for event in events + redelivered:
        publish(event)

    # license.redeemed tells the company only: the employee's course e-mail comes with course.opened (test_courses.py).
    to_marie = subjects(mail.wait_for(str(marie.email), 7))
    to_firm = subjects(mail.wait_for(str(firm.email), 8))
    to_sam = subjects(mail.wait_for(str(sam.email), 2))
    wait_until(lambda: all_handled(db, *events), what="every handler of every event")

    assert set(to_marie) == {
        "Votre compte a été créé", "Nous avons reçu votre demande",
        "D'autres documents sont nécessaires pour votre demande", "Votre demande a été approuvée",
        "Rappel\u00a0: il vous reste 7 jours pour utiliser votre licence", "Votre licence a expiré",
        "Votre licence a été rétablie"}
    assert set(to_firm) == {
        "Your company profile has been created", "Marie Dupont entered one of your license codes",
        "Application approved: Marie Dupont", "Reminder: Marie Dupont's license expires in 7 days",
        "License expired: Marie Dupont", "License used: Marie Dupont",
        "Sam Okalik entered one of your license codes", "Application refused: Sam Okalik"}
    assert set(to_sam) == {"Your account has been created", "Decision on your application"}

    for message in to_marie.values():
        assert message["headers"]["Content-Language"] == "fr" and message["text"].startswith("Bonjour Marie Dupont,")
        assert f"{portal}/employee" in message["text"] and f"{portal}/licenses" not in message["text"]
    for message in to_firm.values():
        assert message["headers"]["Content-Language"] == "en" and message["text"].startswith("Hello Pat Kaludjak,")
    for subject, message in to_firm.items():
        if subject != "Your company profile has been created":
            assert f'href="{portal}/licenses"' in message["html"] and f"{portal}/employee" not in message["text"]
    for message in [*to_marie.values(), *to_firm.values(), *to_sam.values()]:
        assert not CODE_SHAPED.search(message["subject"] + message["text"] + message["html"])

    approved = plain(to_marie["Votre demande a été approuvée"]["text"])
    assert "la certification Chef de poste – mine souterraine" in approved
    assert "Vous devez l'utiliser au plus tard le 13 juin 2026, 15 h 05 HAR." in approved
    assert "Si ce n'est pas déjà fait, saisissez d'abord dans le portail le code de licence" in approved
    assert "Please add your first aid certificate." in to_marie[
        "D'autres documents sont nécessaires pour votre demande"]["text"]
    assert "30 septembre 2026, 17 h 59 HAR" in plain(to_marie["Votre licence a été rétablie"]["text"])
    assert "June 13, 2026, 3:05 p.m. MDT" in plain(to_firm["Application approved: Marie Dupont"]["text"])
    assert "Shift Boss – Underground" in to_firm["License used: Marie Dupont"]["text"]
    assert REASON in to_sam["Decision on your application"]["text"]
    # The reason is the employee's own: the company is told of the refusal, not why.
    assert REASON not in to_firm["Application refused: Sam Okalik"]["text"]

    # Everything handled: nothing more arrives, and the send log holds one sent row per e-mail.
    for address, count in ((str(marie.email), 7), (str(firm.email), 8), (str(sam.email), 2)):
        wait_until(lambda: all(n.status == NotificationStatus.SENT for n in notifications_to(db, address)),
                   what=f"every e-mail to {address} recorded as sent")
        assert len(notifications_to(db, address)) == count and len(mail.messages(address)) == count


def test_a_code_linked_before_the_employee_is_known_waits_for_them(mail, publish, db):
    firm = company(language="fr", representative_name="Élodie Tremblay")
    marie = employee("Marie Dupont", "en")
    publish("company.registered", firm)
    claimed = publish("license.claimed", license_change(uuid.uuid4(), firm.company_id, marie, APPROVED_AT))
    marker = publish("user.password_reset_requested", reset_request(unique_email("marker")))
    # Published after the claim: once its e-mail is out, the claim's handler has had its first try.
    mail.wait_for(str(marker.data["email"]), 1)
    mail.wait_for(str(firm.email), 1)
    assert not all_handled(db, claimed)
    assert [n.template for n in notifications_to(db, str(firm.email))] == ["profile_created"]

    registered = publish("employee.registered", marie)
    messages = subjects(mail.wait_for(str(firm.email), 2))
    assert "Marie Dupont a saisi l'un de vos codes de licence" in messages
    wait_until(lambda: all_handled(db, claimed, registered), what="the claim handled")
    assert len(mail.messages(str(firm.email))) == 2


def test_a_refusal_handled_before_the_claim_of_an_earlier_link_still_reaches_the_company(mail, publish, db):
    """Applications and licenses publish independently: their events can be handled in either order."""
    firm, later_firm = company(language="en"), company(language="en")
    sam = employee("Sam Okalik", "en")
    refused = refusal(application(sam), REASON, at=APPROVED_AT)
    for event in (new_event("company.registered", firm), new_event("company.registered", later_firm),
                  new_event("employee.registered", sam)):
        publish(event)
    mail.wait_for(str(sam.email), 1)
    first = publish("application.refused", refused)
    wait_until(lambda: all_handled(db, first), what="the refusal handled")

    # Linked a day before the refusal (handled after it), and another code linked a day after it.
    before = publish("license.claimed", license_change(uuid.uuid4(), firm.company_id, sam,
                                                       APPROVED_AT - timedelta(days=1)))
    after = publish("license.claimed", license_change(uuid.uuid4(), later_firm.company_id, sam,
                                                      APPROVED_AT + timedelta(days=1)))
    assert set(subjects(mail.wait_for(str(firm.email), 3))) == {
        "Your company profile has been created", "Sam Okalik entered one of your license codes",
        "Application refused: Sam Okalik"}
    mail.wait_for(str(later_firm.email), 2)
    wait_until(lambda: all_handled(db, before, after), what="both claims handled")
    assert "Application refused: Sam Okalik" not in subjects(mail.messages(str(later_firm.email)))


def test_a_released_code_is_confirmed_and_its_company_hears_no_more_of_that_employee(mail, publish, stack, db):
    firm = company(language="fr")
    sam = employee("Sam Okalik", "fr")
    code = uuid.uuid4()
    first_application, second_application = application(sam), application(sam)
    for event in (new_event("company.registered", firm), new_event("employee.registered", sam)):
        publish(event)
    mail.wait_for(str(sam.email), 1)
    publish("license.claimed", license_change(code, firm.company_id, sam, APPROVED_AT - timedelta(days=5)))
    publish("application.refused", refusal(first_application, REASON, at=APPROVED_AT))
    mail.wait_for(str(firm.email), 3)
    released = publish("license.released", license_change(code, firm.company_id, sam, APPROVED_AT + timedelta(days=1)))
    publish(released)  # delivered twice: still one e-mail to each
    wait_until(lambda: all_handled(db, released), what="the release handled")
    second = publish("application.refused", refusal(second_application, REASON, at=APPROVED_AT + timedelta(days=30)))

    messages = subjects(mail.wait_for(str(firm.email), 4))
    assert "Votre code de licence a été libéré" in messages
    assert "Sam Okalik avait saisi a été libéré" in messages["Votre code de licence a été libéré"]["text"]
    # The employee is told too, once, in their language: both refusals and the release reached them.
    to_sam = mail.wait_for(str(sam.email), 4)
    [told] = [message for message in to_sam if message["subject"] == "Votre employeur a repris votre code de licence"]
    assert told["headers"]["Content-Language"] == "fr" and told["text"].startswith("Bonjour Sam Okalik,")
    assert "Ce code n'est plus le vôtre" in plain(told["text"])
    assert f"{stack.env()['WSCC_PUBLIC_URL']}/employee" in told["text"] and not CODE_SHAPED.search(told["text"])
    wait_until(lambda: all_handled(db, second), what="the second refusal handled")
    assert len(mail.messages(str(firm.email))) == 4 and len(mail.messages(str(sam.email))) == 4
