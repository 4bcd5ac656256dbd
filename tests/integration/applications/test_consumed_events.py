"""Events from the other services, handled by the real applications worker: each changes things once."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from common.db import Database
from common.events import new_event
from common.events.schemas import EmployeeProfile, LicenseChange
from services.applications.models import CourseAccess
from tests.handler_runs import all_runs_finished
from tests.integration.applications.support import wait_for


def profile(employee_id: uuid.UUID, name: str, language: str = "fr") -> EmployeeProfile:
    return EmployeeProfile(employee_id=employee_id, name=name, email=f"{name.split()[0].lower()}@mine.example",
                           phone="867-555-0100", language=language)


def test_employee_registered_gives_reviewers_the_name_and_email_and_an_older_update_changes_nothing(
        employee, reviewer, publish):
    application = employee.submitted_application()
    registered_at = datetime.now(UTC)
    publish("employee.registered", profile(employee.user_id, "Annie Tuktu"), occurred_at=registered_at)

    def shown_employee() -> dict:
        return reviewer.show(application["id"]).json()["employee"]

    assert wait_for(lambda: shown_employee()["name"] == "Annie Tuktu")
    assert shown_employee() == {"id": str(employee.user_id), "name": "Annie Tuktu", "email": "annie@mine.example",
                                "language": "fr"}
    publish("employee.updated", profile(employee.user_id, "Annie Old", "en"),
            occurred_at=registered_at - timedelta(minutes=5))
    publish("employee.updated", profile(employee.user_id, "Annie Kadlun"), occurred_at=registered_at
            + timedelta(minutes=5))
    assert wait_for(lambda: shown_employee()["name"] == "Annie Kadlun")
    assert shown_employee()["language"] == "fr"
    assert "employee" not in employee.show(application["id"]).json()


def course_access_rows(db: Database, employee_id: uuid.UUID) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(CourseAccess)
                              .where(CourseAccess.employee_id == employee_id))


OPENING_TASK = "applications.open_course_for_redeemed_license"


def test_license_redeemed_delivered_twice_opens_the_course_once(employee, reviewer, publish, processes, db):
    application = employee.submitted_application("supervisor_2_exploration")
    reviewer.decide(application["id"], "approve")
    redeemed = new_event("license.redeemed", LicenseChange(
        license_id=uuid.uuid4(), company_id=uuid.uuid4(), employee_id=employee.user_id, at=datetime.now(UTC),
        application_id=uuid.UUID(application["id"])))  # no certification: the approval says which
    publish(redeemed)
    publish(redeemed)  # the same message again, as after a broker restart
    another = publish("license.redeemed", redeemed.data)  # and another event about the same redemption

    access = wait_for(lambda: employee.call("GET", "/internal/course-access/mine").json()["items"])
    # Once all three deliveries have been handled, the duplicates must have added nothing.
    assert wait_for(lambda: all_runs_finished(processes.log("applications-worker"), OPENING_TASK,
                                              {str(redeemed.id), str(another.id)}, at_least=3))
    assert [item["certification"]["code"] for item in access] == ["supervisor_2_exploration"]
    assert employee.call("GET", "/internal/course-access/mine").json()["items"] == access
    assert course_access_rows(db, employee.user_id) == 1


def test_a_redemption_without_any_approval_opens_nothing_and_fails_visibly(employee, publish, processes, db):
    publish("license.redeemed", LicenseChange(license_id=uuid.uuid4(), company_id=uuid.uuid4(),
                                              employee_id=employee.user_id, at=datetime.now(UTC)))

    failure = f"no approved certification for employee {employee.user_id}"
    assert wait_for(lambda: failure in processes.log("applications-worker"))
    assert course_access_rows(db, employee.user_id) == 0
