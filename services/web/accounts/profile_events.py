"""The profile events web publishes (company.*, employee.*), recorded in the outbox of the caller's unit of work."""
from __future__ import annotations

from sqlalchemy.orm import Session

from common.events import new_event
from common.events.schemas import CompanyProfile, EmployeeProfile
from common.outbox import record_event
from services.web.models import Outbox, Role, User


def publish_company_profile(session: Session, user: User, event_type: str) -> None:
    company = user.company
    assert company is not None, "only a company representative has a company profile"
    record_event(session, Outbox, new_event(event_type, CompanyProfile(
        company_id=company.id, legal_name=company.legal_name, representative_user_id=user.id,
        representative_name=user.name, email=user.email, phone=company.phone,
        mailing_address=company.mailing_address, employer_account_number=company.employer_account_number,
        site=company.site, language=user.language)))


def publish_employee_profile(session: Session, user: User, event_type: str) -> None:
    assert user.role == Role.EMPLOYEE, "only an employee has an employee profile"
    record_event(session, Outbox, new_event(event_type, EmployeeProfile(
        employee_id=user.id, name=user.name, email=user.email, phone=user.phone or "", language=user.language)))


def publish_profile_change(session: Session, user: User) -> None:
    """Whoever follows this person (e-mails in their language, their name on a company's table) hears of it."""
    if user.role == Role.COMPANY:
        publish_company_profile(session, user, "company.updated")
    elif user.role == Role.EMPLOYEE:
        publish_employee_profile(session, user, "employee.updated")
