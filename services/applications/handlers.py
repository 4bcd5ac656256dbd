"""What the applications service does when other services' events arrive."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import EmployeeProfile
from common.handlers import EventHandlers
from services.applications.employees import save_employee

handlers = EventHandlers("applications")


@handlers.on("employee.registered")
def project_registered_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """Keep the new employee's name, e-mail and language for the reviewers' view."""
    save_employee(session, profile, as_of=event.occurred_at)


@handlers.on("employee.updated")
def project_updated_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """Follow the employee's changed name, e-mail or language (an older event never undoes a newer one)."""
    save_employee(session, profile, as_of=event.occurred_at)

