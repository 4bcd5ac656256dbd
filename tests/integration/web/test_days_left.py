"""One deadline, one count of days left: the licenses service's, on the employee's page, on MANAGE LICENSES and in
the reminder e-mail (6 days 12 hours before the deadline is "7 days" everywhere)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.integration.notifications.support import Sink
from tests.integration.web.people import company_with_codes, new_employee, reviewer_made_by_an_administrator
from tests.integration.web.support import wait_for


def test_a_deadline_shows_the_same_days_left_in_the_pages_and_the_email(app, sandbox_url, notifications_caught_up,
                                                                        licenses_runtime):
    from services.licenses.sweeps import send_due_reminders
    from tests.integration.licenses.support import license_row, make_eligible_directly
    sink = Sink(notifications_caught_up)
    company = company_with_codes(app, sandbox_url)
    employee = new_employee(app)
    code, license_id = next(iter(company.codes().items()))
    assert employee.claim(code).status_code == 303
    application_id = employee.apply("supervisor_1_surface")
    employee.upload_everything(application_id)
    assert employee.submit_application(application_id).status_code == 303
    reviewer = reviewer_made_by_an_administrator(app)
    assert reviewer.submit(f"/review/applications/{application_id}/approve",
                           form_page=f"/review/applications/{application_id}").status_code == 303
    assert wait_for(lambda: "(90 days left)" in company.row(code), timeout=30)
    # The deadline moved to 6 days 12 hours from now (as a reinstatement could), where rounding would disagree.
    now = datetime.now(UTC)
    db = licenses_runtime.db
    make_eligible_directly(db, license_id, license_row(db, license_id).employee_id, now + timedelta(days=6, hours=12))
    assert send_due_reminders(db, now, [30, 7, 1], batch_size=1000) >= 1

    def reminders() -> list[str]:
        return [m["subject"] for m in sink.messages(company.account.email) if "Reminder" in (m.get("subject") or "")]
    subjects = wait_for(reminders, timeout=60)
    assert subjects and all("expires in 7 days" in subject for subject in subjects), subjects
    assert "(7 days left)" in company.row(code)
    assert wait_for(lambda: "(7 days left)" in employee.home())
