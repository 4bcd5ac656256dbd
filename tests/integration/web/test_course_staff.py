"""WSCC staff's course pages: a candidate's enrolments (attempts with scores and pass marks, exceptions granted with
who and why), the sign-off queue, the certificate register and its CSV. Reviewers read and sign off; only
administrators grant attempts and accommodations or suspend, reinstate and revoke, always with a reason."""
from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import replace

import pytest

from tests.integration.web.exams import RULES
from tests.integration.web.people import admin_visitor, new_employee, reviewer_made_by_an_administrator
from tests.integration.web.support import text_of, wait_for


@pytest.fixture(scope="module")
def reviewer(services, make_app):
    return reviewer_made_by_an_administrator(make_app(), name="Rita Reviewer")


@pytest.fixture
def admin(app):
    return admin_visitor(app)


def enrolled(app, courses, web_db, rules=RULES, name: str | None = None) -> dict:
    """An employee with an account, enrolled in a certification of the test's own, the course done."""
    employee = new_employee(app, name=name or f"Nora Nakashuk {uuid.uuid4().hex[:6]}")
    employee_id = web_db.user(employee.account.email).id
    candidate = courses.candidate(employee_id, uuid.uuid4())
    certification = courses.certification(rules)
    enrolment = courses.enrol(candidate, certification)
    candidate.finish_course(enrolment["enrolment_id"])
    return {"employee": employee, "id": str(employee_id), "candidate": candidate, "certification": certification,
            "enrolment_id": enrolment["enrolment_id"], "page": f"/review/candidates/{employee_id}"}


def enrolment(person: dict) -> dict:
    return next(item for item in person["candidate"].enrolments() if item["enrolment_id"] == person["enrolment_id"])


def grant_path(person: dict, kind: str) -> str:
    return f"/admin/candidates/{person['id']}/enrolments/{person['enrolment_id']}/{kind}"


def test_a_reviewer_reads_attempts_scores_and_pass_marks_but_grants_nothing(app, courses, web_db, reviewer):
    person = enrolled(app, courses, web_db)
    courses.sit_exam(person["candidate"], person["enrolment_id"], right=1)
    page = text_of(reviewer.get(person["page"]))
    assert person["employee"].name in page and person["certification"]["name_en"] in page
    assert "Exam open" in page and "1 used of 2 allowed" in page and "2 of 2 done" in page
    assert "25%" in page and "75%" in page and "Failed" in page and "By the candidate" in page
    assert "Grant another attempt" not in page and "Set an accommodation" not in page
    refused = reviewer.submit(grant_path(person, "extra-attempt"), {f"extra-{person['enrolment_id']}-reason": "x"},
                              form_page=person["page"])
    assert refused.status_code == 403 and enrolment(person)["attempts_allowed"] == 2

    found = reviewer.get(f"/review/candidates?employee={person['employee'].account.email.upper()}")
    assert found.status_code == 303 and found.headers["Location"] == person["page"]
    unknown = reviewer.get("/review/candidates?employee=nobody@example.com")
    assert unknown.status_code == 404 and "No employee account has this e-mail address." in text_of(unknown)
    application_id = person["employee"].apply("supervisor_1_surface")
    assert person["page"] in reviewer.get(f"/review/applications/{application_id}").get_data(as_text=True)


def test_an_administrator_grants_an_attempt_and_more_time_each_with_a_reason(app, courses, web_db, admin):
    person = enrolled(app, courses, web_db)
    courses.sit_exam(person["candidate"], person["enrolment_id"], right=1)
    extra, more_time = f"extra-{person['enrolment_id']}", f"accommodation-{person['enrolment_id']}"
    assert "Grant another attempt" in text_of(admin.get(person["page"]))

    no_reason = admin.submit(grant_path(person, "extra-attempt"), {f"{extra}-reason": "  "}, form_page=person["page"])
    assert no_reason.status_code == 422 and "Write the reason: it is kept with the change." in text_of(no_reason)
    no_token = admin.client.post(grant_path(person, "extra-attempt"), data={f"{extra}-reason": "Power cut"})
    assert no_token.status_code == 400
    admin.get("/language/fr")
    try:
        nine = admin.submit(grant_path(person, "accommodation"), {f"{more_time}-multiplier": "9",
                                                                   f"{more_time}-reason": "Dyslexie"},
                            form_page=person["page"])
        assert nine.status_code == 422 and "Entrez un multiplicateur de 1,00 à 4,00" in text_of(nine)
    finally:
        admin.get("/language/en")
    assert (enrolment(person)["attempts_allowed"], enrolment(person)["exam"]["time_limit_minutes"]) == (2, 10)

    granted = admin.submit(grant_path(person, "extra-attempt"), {f"{extra}-reason": "Power cut at the camp"},
                           form_page=person["page"])
    assert granted.status_code == 303
    eased = admin.submit(grant_path(person, "accommodation"), {f"{more_time}-multiplier": "1,5",
                                                                f"{more_time}-reason": "Reading accommodation"},
                         form_page=person["page"])
    assert eased.status_code == 303
    page = text_of(admin.get(person["page"]))
    assert "1 used of 3 allowed" in page and "× 1.5" in page
    assert "Power cut at the camp" in page and "Reading accommodation" in page and "Another attempt" in page
    administrator = web_db.signed_in_user(admin).name
    assert page.count(administrator) >= 2
    assert enrolment(person)["exam"]["time_limit_minutes"] == 15


def test_the_signoff_queue_lists_passes_oldest_first_and_signing_off_issues_the_certificate(
        app, courses, web_db, reviewer):
    signed = replace(RULES, signoff_required=True)
    first, second = enrolled(app, courses, web_db, signed), enrolled(app, courses, web_db, signed)
    for person in (first, second):
        courses.sit_exam(person["candidate"], person["enrolment_id"], right=4)
    assert wait_for(lambda: enrolment(second)["status"] == "awaiting_signoff")
    queue = reviewer.get("/review/signoffs").get_data(as_text=True)
    assert queue.index(first["employee"].name) < queue.index(second["employee"].name)
    assert "Waiting for WSCC" not in queue and "100%" in text_of(reviewer.get("/review/signoffs"))

    action = f"/review/signoffs/{first['enrolment_id']}"
    assert reviewer.client.post(action, data={}).status_code == 400  # no CSRF token
    too_long = reviewer.submit(action, {f"signoff-{first['enrolment_id']}-note": "x" * 2001},
                               form_page="/review/signoffs")
    assert too_long.status_code == 422 and enrolment(first)["status"] == "awaiting_signoff"
    done = reviewer.submit(action, {f"signoff-{first['enrolment_id']}-note": "Interview on 1 Dec with Inspector Lee"},
                           form_page="/review/signoffs")
    assert done.status_code == 303
    assert "Signed off. The certificate is issued" in text_of(reviewer.get("/review/signoffs"))
    certificate = enrolment(first)["certificate"]
    assert enrolment(first)["status"] == "certified" and certificate["status"] == "valid"
    assert first["employee"].name not in reviewer.get("/review/signoffs").get_data(as_text=True)
    again = reviewer.submit(action, {}, form_page="/review/signoffs")
    assert again.status_code == 303
    assert "already signed off" in text_of(reviewer.get("/review/signoffs"))
    page = text_of(reviewer.get(f"/review/certificates/{certificate['number']}"))
    assert "Rita Reviewer" in page  # signed off by


def test_the_register_searches_exports_and_only_an_administrator_changes_a_status(app, courses, web_db, reviewer,
                                                                                  admin):
    person = enrolled(app, courses, web_db, name=f"@Formula Holder {uuid.uuid4().hex[:6]}")
    courses.sit_exam(person["candidate"], person["enrolment_id"], right=4)
    assert wait_for(lambda: enrolment(person)["certificate"])
    number = enrolment(person)["certificate"]["number"]
    grouped = f"{number[:5]}-{number[5:]}"
    assert grouped in text_of(reviewer.get(f"/review/certificates?q={grouped.lower()}"))
    assert grouped in text_of(reviewer.get(f"/review/certificates?q={person['employee'].name.split()[-1]}"))
    assert grouped not in text_of(reviewer.get("/review/certificates?q=zzzz-nobody"))

    export = reviewer.get("/review/certificates/export.csv")
    assert export.headers["Content-Type"] == "text/csv; charset=utf-8"
    body = export.get_data()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Certificate number", "Holder", "Certification"]
    [row] = [row for row in rows if row[0] == grouped]
    assert row[1] == "'" + person["employee"].name and row[6] == "Valid"

    page = f"/review/certificates/{number}"
    assert "Suspend the certificate" not in text_of(reviewer.get(page))
    assert reviewer.submit(f"/admin/certificates/{number}/suspend", {"suspend-reason": "x"},
                           form_page=page).status_code == 403
    assert "Suspend the certificate" in text_of(admin.get(page))
    no_reason = admin.submit(f"/admin/certificates/{number}/suspend", {"suspend-reason": ""}, form_page=page)
    assert no_reason.status_code == 422 and "Write the reason" in text_of(no_reason)
    assert admin.client.post(f"/admin/certificates/{number}/suspend",
                             data={"suspend-reason": "Inquiry"}).status_code == 400  # no CSRF token
    assert enrolment(person)["certificate"]["status"] == "valid"
    for action, reason, status in (("suspend", "Inquiry into an incident", "Suspended"),
                                   ("reinstate", "Inquiry closed", "Valid"),
                                   ("revoke", "Certificate obtained by fraud", "Revoked")):
        changed = admin.submit(f"/admin/certificates/{number}/{action}", {f"{action}-reason": reason}, form_page=page)
        assert changed.status_code == 303, text_of(changed)
        shown = text_of(admin.get(page))
        assert re.search(rf"Status {status}", shown) and reason in shown
    assert enrolment(person)["certificate"]["status"] == "revoked"
    history = text_of(admin.get(page))
    assert history.count(web_db.signed_in_user(admin).name) == 3 and "Change the status" not in history


def test_employees_and_companies_cannot_open_staff_pages(app, company, visitor, courses, web_db):
    person = enrolled(app, courses, web_db)
    for who in (person["employee"], visitor):
        for path in (person["page"], "/review/signoffs", "/review/certificates", "/admin/courses"):
            assert who.get(path).status_code == 403, path
