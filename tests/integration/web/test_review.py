"""The WSCC reviewer's console: the queue oldest first and by certification, an application with the employee's
name and e-mail, its documents opening in the page, "Start review", and the three decisions with their history."""
from __future__ import annotations

import re
import uuid

import pytest

from tests.integration.web.people import new_employee, reviewer_made_by_an_administrator
from tests.integration.web.support import Account, Visitor, journey_steps, main_action, text_of, wait_for

CERTIFICATION = "supervisor_1_surface"


@pytest.fixture(scope="module")
def reviewer(services, make_app):
    return reviewer_made_by_an_administrator(make_app(), name="Rita Reviewer")


def submitted_application(app, certification: str = CERTIFICATION):
    employee = new_employee(app)
    application_id = employee.apply(certification)
    employee.upload_everything(application_id)
    assert employee.submit_application(application_id).status_code == 303
    return employee, application_id


def decide(reviewer: Visitor, application_id: str, act: str, **data: str):
    page = f"/review/applications/{application_id}"
    return reviewer.submit(f"{page}/{act}", data, form_page=page)


def test_a_new_staff_account_must_replace_its_temporary_password_first(app):
    from tests.integration.web.people import admin_visitor
    admin = admin_visitor(app)
    email = f"Temp.Reviewer.{uuid.uuid4().hex[:8]}@WSC.example"
    assert admin.submit("/admin/staff", {"name": "Tom Temp", "email": email, "role": "reviewer", "language": "fr",
                                         "password": "temporary password 2"}).status_code == 303
    staff_page = text_of(admin.get("/admin/staff"))
    assert "Tom Temp" in staff_page and "Temporary password" in staff_page
    newcomer = Visitor(app.test_client())
    newcomer.login(Account(email.lower(), "temporary password 2", ""))
    response = newcomer.get("/review")
    assert response.status_code == 302 and response.headers["Location"] == "/account/password"
    assert "Choisissez votre propre mot de passe" in text_of(newcomer.get("/account/password"))


def test_the_queue_lists_submitted_applications_oldest_first_and_filters_by_certification(app, reviewer):
    first_employee, first = submitted_application(app)
    second_employee, second = submitted_application(app)
    other_employee, other = submitted_application(app, "shift_boss_underground")
    html = reviewer.get("/review").get_data(as_text=True)
    assert html.index(first) < html.index(second)
    assert first_employee.name in html and other in html
    filtered = reviewer.get(f"/review?certification={CERTIFICATION}").get_data(as_text=True)
    assert first in filtered and second in filtered and other not in filtered
    assert f'<option selected value="{CERTIFICATION}">' in filtered or f'value="{CERTIFICATION}" selected' in filtered
    assert other_employee.account.email not in reviewer.get("/review").get_data(as_text=True)


def test_the_application_page_shows_the_employee_and_opens_the_documents_in_the_page(app, reviewer):
    employee, application_id = submitted_application(app)
    response = reviewer.get(f"/review/applications/{application_id}")
    html, page = response.get_data(as_text=True), text_of(response)
    assert employee.name in page and employee.account.email in page
    documents = re.findall(rf'/review/applications/{application_id}/documents/[0-9a-f-]{{36}}', html)
    assert documents and '<iframe src="/review/' in html and '<img src="/review/' in html
    opened = reviewer.get(documents[0])
    assert opened.status_code == 200 and opened.headers["Content-Type"] in ("application/pdf", "image/png")
    assert "frame-ancestors 'self'" in opened.headers["Content-Security-Policy"]
    assert "Start review" in page and "Approve" in page


def test_start_review_then_request_documents_needs_a_message_and_the_employee_sees_it(app, reviewer):
    employee, application_id = submitted_application(app)
    assert decide(reviewer, application_id, "start").status_code == 303
    assert "Under review" in text_of(reviewer.get(f"/review/applications/{application_id}"))
    # The steps are the licenses service's progress, which follows the applications service's events.
    assert wait_for(lambda: journey_steps(employee.get("/employee").get_data(as_text=True))["review"] == "waiting")
    assert main_action(employee.get("/employee").get_data(as_text=True)) is None
    empty = decide(reviewer, application_id, "request-documents", message="  ")
    assert empty.status_code == 422 and "Write which documents are needed and why." in text_of(empty)
    assert 'aria-describedby="message-hint message-error"' in empty.get_data(as_text=True)
    assert decide(reviewer, application_id, "request-documents",
                  message="The first aid certificate is expired.").status_code == 303
    home = employee.home()
    assert "WSCC asks for more documents." in home and "The first aid certificate is expired." in home
    assert wait_for(lambda: journey_steps(employee.get("/employee").get_data(as_text=True))["apply"] == "action")
    html, home = employee.get("/employee").get_data(as_text=True), employee.home()
    assert journey_steps(html)["review"] == "todo"
    assert "Apply for a certification Your turn: add documents" in home and "Review by WSCC To do" in home
    assert main_action(html) == "add_documents"
    assert f'data-next-action="add_documents" href="/employee/applications/{application_id}"' in html
    employee.upload_everything(application_id)
    assert employee.submit_application(application_id).status_code == 303
    assert application_id in reviewer.get("/review").get_data(as_text=True)


def test_a_refusal_needs_a_reason_is_recorded_with_who_and_when_and_the_employee_may_apply_again(app, reviewer):
    employee, application_id = submitted_application(app)
    empty = decide(reviewer, application_id, "refuse", reason="")
    assert empty.status_code == 422 and "Write the reason: the employee will read it. Their employer is only told " \
        "that the application was refused." in text_of(empty)
    assert decide(reviewer, application_id, "refuse", reason="Not enough supervised experience.").status_code == 303
    page = text_of(reviewer.get(f"/review/applications/{application_id}"))
    assert "Decision history" in page and "Rita Reviewer" in page and "Refused" in page
    assert "Not enough supervised experience." in page
    assert "No decision can be made in this status." in page
    home = employee.home()
    assert "WSCC refused your application" in home and "Not enough supervised experience." in home
    assert wait_for(lambda: journey_steps(employee.get("/employee").get_data(as_text=True))["review"] == "refused")
    html, home = employee.get("/employee").get_data(as_text=True), employee.home()
    assert journey_steps(html) == {"intro_course": "done", "code": "todo", "apply": "todo", "review": "refused",
                                   "use_license": "todo", "course": "todo", "exam": "todo", "certificate": "todo"}
    assert "Apply for a certification Next" in home and "Review by WSCC Refused" in home
    assert main_action(html) == "apply_again"
    assert "Apply for a certification" in text_of(employee.get("/employee/applications"))
    again = employee.apply("shift_boss_open_pit")
    assert again != application_id


def test_a_decision_on_an_application_already_decided_is_refused_politely(app, reviewer):
    _, application_id = submitted_application(app)
    assert decide(reviewer, application_id, "approve").status_code == 303
    second = decide(reviewer, application_id, "refuse", reason="Changed my mind")
    assert second.status_code == 303
    assert "this decision cannot be made now" in text_of(reviewer.get(f"/review/applications/{application_id}"))
