"""The whole employee journey through the front door's pages, against the real services and workers: a company pays,
an employee registers, reads the course, links a code, applies with documents, a reviewer (made on the staff page)
approves, the employee uses the license, and the company follows each step on MANAGE LICENSES."""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.integration.web.people import company_with_codes, new_employee, reviewer_made_by_an_administrator
from tests.integration.web.support import journey_steps, main_action, text_of, wait_for

CERTIFICATION = "shift_boss_open_pit"


@pytest.fixture
def company(app, sandbox_url):
    return company_with_codes(app, sandbox_url)


def test_from_registration_to_a_redeemed_license(app, company):
    employee = new_employee(app)
    assert "Introduction course" in employee.home()
    employee.complete_course()
    assert "Introduction course completed on" in text_of(employee.get("/employee/course"))

    code = next(iter(company.codes()))
    response = employee.claim(code.lower().replace("-", " "))
    assert response.status_code == 303
    assert f"Code {code} is now linked to your account" in employee.home()
    assert wait_for(lambda: employee.name in company.row(code))

    application_id = employee.apply(CERTIFICATION)
    employee.upload_everything(application_id)
    assert employee.submit_application(application_id).status_code == 303
    assert "was submitted" in employee.home()
    assert wait_for(lambda: "Application submitted" in company.row(code))

    reviewer = reviewer_made_by_an_administrator(app, name="Rita Reviewer")
    queue = reviewer.get("/review").get_data(as_text=True)
    assert f"/review/applications/{application_id}" in queue and employee.name in queue
    page = text_of(reviewer.get(f"/review/applications/{application_id}"))
    assert employee.name in page and employee.account.email in page
    assert reviewer.submit(f"/review/applications/{application_id}/start",
                           form_page=f"/review/applications/{application_id}").status_code == 303
    assert reviewer.submit(f"/review/applications/{application_id}/approve",
                           form_page=f"/review/applications/{application_id}").status_code == 303
    history = text_of(reviewer.get(f"/review/applications/{application_id}"))
    assert "Approved" in history and "Review started" in history and "Rita Reviewer" in history

    assert wait_for(lambda: "Use my license" in employee.home())
    assert "days left" in employee.home()
    assert main_action(employee.get("/employee").get_data(as_text=True)) == "use_license"
    assert wait_for(lambda: "Approved — use by" in company.row(code))
    assert employee.submit("/employee/license/use", form_page="/employee").status_code == 303
    assert wait_for(lambda: "course and exam for Shift Boss" in employee.home())
    html = employee.get("/employee").get_data(as_text=True)
    assert journey_steps(html) == {"intro_course": "done", "code": "done", "apply": "done", "review": "done",
                                   "use_license": "done", "course": "in_progress", "exam": "todo",
                                   "certificate": "todo"}
    assert re.search(r"Online course In progress · 0 of \d+ lessons done", employee.home())
    assert main_action(html) == "continue_course"
    # Redeemed, then the course's first step as soon as the courses service opened it.
    assert wait_for(lambda: re.search(r"In the course \(0 of \d+ lessons\)", company.row(code)))

    export = company.visitor.get("/licenses/export.csv").get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    assert rows[0][-3:] == ["Employee", "Progress", "Deadline to use"]
    [linked] = [row for row in rows if row[0] == code]
    assert linked[-3] == employee.name and re.fullmatch(r"In the course \(0 of \d+ lessons\)", linked[-2])
    assert linked[-1]


def test_a_code_linked_after_the_approval_can_be_used_at_once(app, company):
    employee = new_employee(app)
    application_id = employee.apply("supervisor_1_exploration")
    employee.upload_everything(application_id)
    employee.submit_application(application_id)
    reviewer = reviewer_made_by_an_administrator(app)
    assert reviewer.submit(f"/review/applications/{application_id}/approve",
                           form_page=f"/review/applications/{application_id}").status_code == 303
    assert wait_for(lambda: "enter the license code from your employer below" in employee.home())
    # The deadline's date; the days left are the licenses service's count, which comes with the license.
    assert "Use your license by" in employee.home() and "days left" not in employee.home()
    assert main_action(employee.get("/employee").get_data(as_text=True)) == "link_code"
    code = next(iter(company.codes()))
    assert employee.claim(code).status_code == 303
    assert wait_for(lambda: "Use my license" in employee.home())
    assert wait_for(lambda: "Approved — use by" in company.row(code))
