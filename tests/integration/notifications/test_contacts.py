"""The local projection of company contacts, against the real database: newest event wins, whatever the order."""
from __future__ import annotations

from datetime import timedelta

import pytest

from common.clock import utcnow
from services.notifications.contacts import RecipientNotKnownYet, company_contact, save_company_contact
from services.notifications.runtime import get_runtime
from tests.integration.notifications.support import company, unique_email


def save(profile, as_of) -> None:
    with get_runtime().db.unit_of_work() as session:
        save_company_contact(session, profile, as_of)


def stored(company_id):
    with get_runtime().db.reading() as session:
        return company_contact(session, company_id)


def test_an_update_replaces_the_contact(stack):
    profile = company(language="fr")
    registered_at = utcnow()
    save(profile, registered_at)
    save(profile.model_copy(update={"email": unique_email("new"), "language": "en", "legal_name": "Nouveau nom"}),
         registered_at + timedelta(minutes=5))
    contact = stored(profile.company_id)
    assert (contact.language, contact.legal_name) == ("en", "Nouveau nom")
    assert contact.email.startswith("new-")


def test_an_older_event_arriving_late_changes_nothing(stack):
    profile = company(language="en")
    now = utcnow()
    save(profile, now)
    save(profile.model_copy(update={"email": unique_email("stale"), "language": "fr"}), now - timedelta(minutes=1))
    contact = stored(profile.company_id)
    assert (contact.email, contact.language) == (str(profile.email), "en")


def test_an_unknown_company_is_reported_as_not_known_yet(stack):
    with pytest.raises(RecipientNotKnownYet):
        stored(company().company_id)
