"""Demo data for ``make dev`` and the browser tests: a company representative, an administrator, a reviewer.

Each is idempotent: run them as often as you like, the accounts are there once. Each writes through the web
database it is given (a runtime's ``db``).
"""
from __future__ import annotations

from dataclasses import dataclass

from common.db import Database
from services.web.accounts.passwords import hash_password
from services.web.accounts.registration import confirm_account
from services.web.accounts.users import CompanyDetails, create_staff_user, find_user_by_email, new_company
from services.web.models import Role


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str


DEMO_COMPANY = CompanyDetails(
    legal_name="Demo Mining Ltd.", representative_name="Dana Demo", email="representative@demo-mine.example",
    phone="867-555-0100", mailing_address="PO Box 1000\nYellowknife NT  X1A 2N1", employer_account_number="123456",
    site="Demo Lake Mine", language="en")
DEMO_PASSWORD = "demo-password-2024"
DEMO_ADMIN = DemoLogin("admin@wscc.example", "admin-password-2024")
DEMO_REVIEWER = DemoLogin("reviewer@wscc.example", "reviewer-password-2024")


def ensure_demo_company(db: Database) -> DemoLogin:
    """The demo company and its representative, confirmed (publishes company.registered the first time)."""
    with db.unit_of_work() as session:
        if find_user_by_email(session, DEMO_COMPANY.email) is None:
            confirm_account(session, new_company(session, DEMO_COMPANY, hash_password(DEMO_PASSWORD)))
    return DemoLogin(DEMO_COMPANY.email, DEMO_PASSWORD)


def ensure_demo_admin(db: Database) -> DemoLogin:
    return ensure_admin(db, DEMO_ADMIN.email, DEMO_ADMIN.password)


def ensure_demo_reviewer(db: Database) -> DemoLogin:
    return ensure_staff_user(db, DEMO_REVIEWER.email, DEMO_REVIEWER.password, "WSCC Reviewer", Role.REVIEWER)


def ensure_admin(db: Database, email: str, password: str, name: str = "WSCC Administrator",
                 language: str = "en") -> DemoLogin:
    """An administrator with this address and password (the password is reset if the account exists)."""
    return ensure_staff_user(db, email, password, name, Role.ADMIN, language)


def ensure_staff_user(db: Database, email: str, password: str, name: str, role: Role,
                      language: str = "en") -> DemoLogin:
    with db.unit_of_work() as session:
        create_staff_user(session, email, name, role, password, language)
    return DemoLogin(email, password)
