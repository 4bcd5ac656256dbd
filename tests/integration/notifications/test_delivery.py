"""Events published on the real broker become e-mails in the real SMTP sink: each once, in the right language."""
from __future__ import annotations

from sqlalchemy import select

from common.db import Database
from common.events import new_event
from common.links import PASSWORD_RESET, link_url
from services.notifications.models import Inbox, NotificationStatus
from tests.integration.notifications.support import (
    CODE_SHAPED, company, issued, notifications_to, paid_order, reset_request, unique_email, wait_until)


def by_subject(messages: list[dict]) -> dict[str, dict]:
    return {message["subject"]: message for message in messages}


def handled(db: Database, *events) -> bool:
    with db.reading() as session:
        seen = set(session.scalars(select(Inbox.event_id).where(Inbox.event_id.in_([e.id for e in events]))))
    return seen == {event.id for event in events}


def settle(mail, publish) -> None:
    """Wait until everything published before now has been handled: a later e-mail has gone out."""
    marker = unique_email("marker")
    publish("user.password_reset_requested", reset_request(marker))
    mail.wait_for(marker, 1)


def test_a_french_company_gets_its_profile_receipt_and_codes_ready_emails(mail, publish, stack, db):
    profile = company(language="fr", legal_name="Mines du Grand Nord ltée")
    order = paid_order(profile.company_id, quantity=7)
    publish("company.registered", profile)
    publish("order.paid", order)
    publish("licenses.issued", issued(order))

    messages = by_subject(mail.wait_for(profile.email, 3))
    portal = stack.env()["WSCC_PUBLIC_URL"]
    assert set(messages) == {"Le profil de votre entreprise a été créé",
                             f"Reçu de paiement de la commande {order.order_number}",
                             f"Vos codes de licence sont prêts (commande {order.order_number})"}
    for message in messages.values():
        assert message["headers"]["Content-Language"] == "fr"
        assert message["from"] == "WSCC Mine Supervisor Certification <MiningCertification@wsc.nt.ca>"
        assert message["text"].startswith("Bonjour Élodie Tremblay,")
        assert not CODE_SHAPED.search(message["text"] + message["html"])

    welcome = messages["Le profil de votre entreprise a été créé"]["text"]
    assert "Le profil de Mines du Grand Nord ltée a été créé" in welcome and f"{portal}/" in welcome
    receipt = messages[f"Reçu de paiement de la commande {order.order_number}"]
    assert f"{portal}/orders/{order.order_id}/receipt" in receipt["text"]
    assert f'href="{portal}/orders/{order.order_id}/receipt"' in receipt["html"]
    for line in ("Nombre de licences\u00a0: 7", "Prix par licence\u00a0: 50,00\u00a0$",
                 "Total payé\u00a0: 350,00\u00a0$", f"Numéro de transaction PayPal\u00a0: {order.paypal_capture_id}"):
        assert line in receipt["text"]
    codes = messages[f"Vos codes de licence sont prêts (commande {order.order_number})"]
    assert f"{portal}/licenses" in codes["text"] and f'href="{portal}/licenses"' in codes["html"]
    assert "Les 7 codes de licence" in codes["text"]

    sent = notifications_to(db, profile.email)
    assert sorted(n.template for n in sent) == ["codes_ready", "payment_receipt", "profile_created"]
    assert all(n.status == NotificationStatus.SENT and n.sent_at and n.attempts == 1 for n in sent)
    assert {m["message_id"] for m in messages.values()} == {f"<{n.id}@wsc.nt.ca>" for n in sent}


def test_events_delivered_twice_still_send_one_email_each(mail, publish, db):
    profile = company(language="fr")
    order = paid_order(profile.company_id)
    registered = new_event("company.registered", profile)
    paid = new_event("order.paid", order)
    ready = new_event("licenses.issued", issued(order))
    for event in (registered, registered, paid, paid, ready, ready):
        publish(event)
    # The same facts again under new event ids (another producer path, a replayed outbox): still one e-mail each.
    again = [publish("order.paid", order), publish("licenses.issued", issued(order))]

    assert len(mail.wait_for(profile.email, 3)) == 3
    wait_until(lambda: handled(db, registered, paid, ready, *again), what="every event handled")
    settle(mail, publish)
    assert len(mail.messages(profile.email)) == 3
    assert len(notifications_to(db, profile.email)) == 3


def test_order_events_that_arrive_before_the_company_wait_for_it(mail, publish, db):
    profile = company(language="fr")
    order = paid_order(profile.company_id)
    publish("licenses.issued", issued(order))
    publish("order.paid", order)
    settle(mail, publish)  # both handlers have run once and found no recipient
    assert mail.messages(profile.email) == [] and notifications_to(db, profile.email) == []

    publish("company.registered", profile)
    subjects = {m["subject"] for m in mail.wait_for(profile.email, 3)}
    assert f"Vos codes de licence sont prêts (commande {order.order_number})" in subjects
    assert f"Reçu de paiement de la commande {order.order_number}" in subjects
    settle(mail, publish)
    assert len(mail.messages(profile.email)) == 3


def test_a_company_update_changes_where_and_in_which_language_later_emails_go(mail, publish, db):
    profile = company(language="fr")
    publish("company.registered", profile)
    mail.wait_for(profile.email, 1)
    moved = profile.model_copy(update={"email": unique_email("new-rep"), "representative_name": "Sam Okalik",
                                       "language": "en"})
    update = publish("company.updated", moved)
    wait_until(lambda: handled(db, update), what="company.updated handled")
    order = paid_order(profile.company_id)
    publish("order.paid", order)
    publish("licenses.issued", issued(order))

    messages = by_subject(mail.wait_for(moved.email, 2))
    receipt = messages[f"Payment receipt for order {order.order_number}"]
    assert "Total paid: $350.00" in receipt["text"]
    assert f"Your license codes are ready (order {order.order_number})" in messages
    for message in messages.values():
        assert message["headers"]["Content-Language"] == "en"
        assert message["text"].startswith("Hello Sam Okalik,")
    assert len(mail.messages(str(profile.email))) == 1  # only the welcome went to the old address


def test_a_password_reset_email_carries_the_link_derived_from_the_events_link_id(mail, publish, db, settings):
    request = reset_request(unique_email("employee"), language="en")
    publish("user.password_reset_requested", request)
    [message] = mail.wait_for(str(request.email), 1)
    assert message["subject"] == "Reset your password"
    url = link_url(settings.public_url, settings.link_secret.get_secret_value(), PASSWORD_RESET, request.link_id)
    assert url in message["text"] and f'href="{url}"' in message["html"]
    [notification] = notifications_to(db, str(request.email))
    assert url.rsplit("/", 1)[1] not in str(notification.context)  # the send log keeps the link's id, no token
    assert "within 60 minutes" in message["text"]


def test_the_codes_the_licenses_service_issues_never_appear_in_any_email(mail, publish, processes, licenses_runtime):
    from services.licenses.codes import display
    from services.licenses.models import License

    processes.ensure("licenses-worker")
    profile = company(language="en")
    order = paid_order(profile.company_id, quantity=5)
    publish("company.registered", profile)
    publish("order.paid", order)  # licenses issues the codes and publishes licenses.issued itself

    messages = mail.wait_for(profile.email, 3)
    with licenses_runtime.db.reading() as session:
        codes = list(session.scalars(select(License.code).where(License.order_id == order.order_id)))
    assert len(codes) == 5
    everything = " ".join(m["text"] + m["html"] + m["subject"] for m in messages)
    assert not [code for code in codes if code in everything or display(code) in everything]
    assert f"Your license codes are ready (order {order.order_number})" in {m["subject"] for m in messages}
