"""The local projections (company and employee contacts, code links), against the real database: newest event wins,
whatever the order."""
from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from common.clock import utcnow
from common.db import Database
from services.notifications.code_links import companies_linked_at, save_code_link
from services.notifications.contacts import (
    RecipientNotKnownYet, company_contact, employee_contact, save_company_contact, save_employee_contact)
from tests.integration.notifications.journey import APPROVED_AT, employee, license_change
from tests.integration.notifications.support import company, unique_email


def save(db: Database, profile, as_of) -> None:
    with db.unit_of_work() as session:
        save_company_contact(session, profile, as_of)


def stored(db: Database, company_id):
    with db.reading() as session:
        return company_contact(session, company_id)


def test_an_update_replaces_the_contact(stack, db):
    profile = company(language="fr")
    registered_at = utcnow()
    save(db, profile, registered_at)
    save(db, profile.model_copy(update={"email": unique_email("new"), "language": "en", "legal_name": "Nouveau nom"}),
         registered_at + timedelta(minutes=5))
    contact = stored(db, profile.company_id)
    assert (contact.language, contact.legal_name) == ("en", "Nouveau nom")
    assert contact.email.startswith("new-")


def test_an_older_event_arriving_late_changes_nothing(stack, db):
    profile = company(language="en")
    now = utcnow()
    save(db, profile, now)
    save(db, profile.model_copy(update={"email": unique_email("stale"), "language": "fr"}), now - timedelta(minutes=1))
    contact = stored(db, profile.company_id)
    assert (contact.email, contact.language) == (str(profile.email), "en")


def test_an_unknown_company_is_reported_as_not_known_yet(stack, db):
    with pytest.raises(RecipientNotKnownYet):
        stored(db, company().company_id)


def save_employee(db: Database, profile, as_of) -> None:
    with db.unit_of_work() as session:
        save_employee_contact(session, profile, as_of)


def stored_employee(db: Database, employee_id):
    with db.reading() as session:
        return employee_contact(session, employee_id)


def test_an_employee_update_replaces_their_contact_and_a_late_older_one_changes_nothing(stack, db):
    profile = employee("Marie Dupont", "fr")
    registered_at = utcnow()
    save_employee(db, profile, registered_at)
    save_employee(db, profile.model_copy(update={"name": "Marie Dupont-Okalik", "language": "en"}),
                  registered_at + timedelta(minutes=5))
    save_employee(db, profile.model_copy(update={"email": unique_email("stale")}), registered_at + timedelta(minutes=1))
    contact = stored_employee(db, profile.employee_id)
    assert (contact.name, contact.language, contact.email) == ("Marie Dupont-Okalik", "en", str(profile.email))


def test_an_unknown_employee_is_reported_as_not_known_yet(stack, db):
    with pytest.raises(RecipientNotKnownYet):
        stored_employee(db, employee("Sam Okalik", "en").employee_id)


def linked_companies(db: Database, employee_id, moment):
    with db.reading() as session:
        return companies_linked_at(session, employee_id, moment)


def test_a_released_code_no_longer_links_its_company_even_if_the_claim_arrives_late(stack, db):
    sam, firm = employee("Sam Okalik", "en"), company()
    claim = license_change(uuid.uuid4(), firm.company_id, sam, APPROVED_AT)
    release = claim.model_copy(update={"at": APPROVED_AT + timedelta(days=1)})
    with db.unit_of_work() as session:
        save_code_link(session, claim, linked=True)
    assert linked_companies(db, sam.employee_id, APPROVED_AT) == [firm.company_id]
    assert linked_companies(db, sam.employee_id, APPROVED_AT - timedelta(seconds=1)) == []  # not linked yet then
    with db.unit_of_work() as session:
        save_code_link(session, release, linked=False)
        save_code_link(session, claim, linked=True)  # the claim redelivered after the release
    assert linked_companies(db, sam.employee_id, APPROVED_AT + timedelta(days=2)) == []
