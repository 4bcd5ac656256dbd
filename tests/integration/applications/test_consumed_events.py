"""Events from the other services, handled by the real applications worker: each changes things once."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from common.events.schemas import EmployeeProfile
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

