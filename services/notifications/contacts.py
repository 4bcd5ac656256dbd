"""Who to write to about a company: the representative's name, address and language, as the front door last said."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from common.events.schemas import CompanyProfile
from common.db import dialect_insert
from services.notifications.models import CompanyContact


class RecipientNotKnownYet(Exception):
    """An event about a company arrived before the company's own event: retried until that one is handled."""


def save_company_contact(session: Session, profile: CompanyProfile, as_of: datetime) -> None:
    """Insert or update the company's contact, unless what is stored comes from a newer event."""
    values = {"company_id": profile.company_id, "legal_name": profile.legal_name,
              "representative_name": profile.representative_name, "email": str(profile.email),
              "language": profile.language, "as_of": as_of}
    table = CompanyContact.__table__
    statement = dialect_insert(session)(table).values(values)
    # One statement, so two events about one new company cannot both try to insert it.
    session.execute(statement.on_conflict_do_update(
        index_elements=[table.c.company_id],
        set_={name: statement.excluded[name] for name in values if name != "company_id"},
        where=table.c.as_of <= statement.excluded.as_of,
    ))


def company_contact(session: Session, company_id: uuid.UUID) -> CompanyContact:
    contact = session.get(CompanyContact, company_id)
    if contact is None:
        raise RecipientNotKnownYet(f"company {company_id} is not known yet")
    return contact
