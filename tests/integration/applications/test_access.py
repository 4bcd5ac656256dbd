"""Who sees what: an employee only their own, staff everything, a company nothing here."""
from __future__ import annotations

import requests

from tests.integration.applications.support import PDF_BYTES


def test_an_employee_reaches_another_employees_application_and_documents_as_if_they_did_not_exist(employee):
    application = employee.submitted_application()
    document = application["documents"][0]
    stranger = employee.acting_as("employee")
    base = f"/internal/applications/{application['id']}"

    answers = [stranger.show(application["id"]),
               stranger.call("GET", f"{base}/documents/{document['id']}/content"),
               stranger.upload(application["id"], "identity", PDF_BYTES),
               stranger.call("DELETE", f"{base}/documents/{document['id']}"),
               stranger.submit(application["id"])]

    assert [(answer.status_code, answer.json()["error"]["code"]) for answer in answers] == [(404, "not_found")] * 5
    assert stranger.call("GET", "/internal/applications/mine").json() == {"items": []}
    unknown = employee.call("GET", f"{base}/documents/00000000-0000-0000-0000-000000000000/content")
    assert unknown.status_code == 404


def test_reviewers_and_admins_read_every_application_and_its_documents(employee):
    application = employee.submitted_application()
    document = application["documents"][0]
    for role in ("reviewer", "admin"):
        staff = employee.acting_as(role)
        shown = staff.show(application["id"])
        content = staff.call("GET", f"/internal/applications/{application['id']}/documents/{document['id']}/content")
        assert shown.status_code == 200 and shown.json()["employee"]["id"] == str(employee.user_id)
        assert content.status_code == 200 and content.content == PDF_BYTES
        assert content.headers["Content-Type"] == "application/pdf"


def test_a_company_gets_403_everywhere_but_the_list_of_certifications(employee):
    application = employee.submitted_application()
    company = employee.acting_as("company")
    base = f"/internal/applications/{application['id']}"
    calls = [("GET", "/internal/intro-course"), ("GET", "/internal/applications/mine"),
             ("POST", "/internal/applications"), ("GET", base), ("POST", f"{base}/submit"),
             ("GET", f"{base}/documents/{application['documents'][0]['id']}/content"),
             ("GET", "/internal/review/queue"),
             ("POST", f"/internal/review/applications/{application['id']}/approve"),
             ("PUT", "/internal/admin/certifications/supervisor_1_surface")]

    assert [company.call(method, path).status_code for method, path in calls] == [403] * len(calls)
    assert company.call("GET", "/internal/certifications").status_code == 200
    assert employee.show(application["id"]).json()["status"] == "submitted"


def test_employees_cannot_decide_reviewers_cannot_upload_and_no_token_is_401(employee):
    application = employee.submitted_application()

    assert employee.decide(application["id"], "approve").status_code == 403
    assert employee.call("GET", "/internal/review/queue").status_code == 403
    assert employee.acting_as("reviewer").upload(application["id"], "identity", PDF_BYTES).status_code == 403
    assert employee.acting_as("reviewer").call(
        "PUT", "/internal/admin/certifications/supervisor_1_surface", {}).status_code == 403
    anonymous = requests.get(f"{employee.base_url}/internal/applications/{application['id']}", timeout=10)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "missing_token"
