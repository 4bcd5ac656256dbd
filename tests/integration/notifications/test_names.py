"""A name with a line break can neither reach the notifications (the profile events refuse it) nor, if an older row
holds one, stop that person's e-mails: the To header takes the name on one line."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from common.clock import utcnow
from common.events import new_event
from services.notifications.contacts import save_company_contact
from services.notifications.models import NotificationStatus
from tests.integration.notifications.support import company, notifications_to, paid_order, wait_until


@pytest.mark.parametrize("name", ["Ann\rExample", "Ann\nExample", "Ann\x00Example", "Ann\u2028Example"])
def test_a_profile_event_with_a_control_character_in_a_name_cannot_be_made(name):
    for field in ("legal_name", "representative_name"):
        with pytest.raises(ValidationError):
            new_event("company.updated", company().model_copy(update={field: name}).model_dump(mode="json"))


def test_a_contact_stored_with_a_carriage_return_in_the_name_still_gets_its_emails(mail, publish, db):
    profile = company(language="en")
    with db.unit_of_work() as session:  # as a row saved before names were checked would be
        save_company_contact(session, profile.model_copy(update={"representative_name": "Ann\rExample"}), utcnow())
    order = paid_order(profile.company_id)
    publish("order.paid", order)

    # (A licenses worker running for another test may issue the codes too: that e-mail is not this test's.)
    [receipt_summary] = wait_until(lambda: [m for m in mail.messages(profile.email) if "receipt" in m["subject"].lower()],
                                   what="the payment receipt")
    message = mail.detail(receipt_summary)
    assert message["headers"]["To"] == f"Ann Example <{profile.email}>"
    [receipt] = [n for n in notifications_to(db, profile.email) if n.template == "payment_receipt"]
    assert receipt.status == NotificationStatus.SENT
