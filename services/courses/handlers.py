"""What the courses service does when other services' events arrive."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import EmployeeProfile, LicenseChange
from common.handlers import EventHandlers
from services.courses.certificates import issue_if_due
from services.courses.enrolling import open_enrolment, save_employee
from services.courses.models import Enrolment, EnrolmentStatus

handlers = EventHandlers("courses")


@handlers.on("license.redeemed")
def open_course_for_redeemed_license(session: Session, change: LicenseChange, event: Event) -> None:
    """The employee used their license: the course of the approved certification opens, once per license."""
    open_enrolment(session, change)


@handlers.on("employee.registered")
def project_registered_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """Keep the name a certificate carries."""
    _project(session, profile, event)


@handlers.on("employee.updated")
def project_updated_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """Follow a changed name (an older event never undoes a newer one)."""
    _project(session, profile, event)


def _project(session: Session, profile: EmployeeProfile, event: Event) -> None:
    """A pass that waited for the holder's name gets its certificate now."""
    save_employee(session, profile, as_of=event.occurred_at)
    waiting = session.scalars(select(Enrolment).where(Enrolment.employee_id == profile.employee_id,
                                                      Enrolment.status == EnrolmentStatus.PASSED)).all()
    for enrolment in waiting:
        issue_if_due(session, enrolment, event.occurred_at)
