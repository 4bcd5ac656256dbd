"""Every route of the app, walked as an anonymous visitor, as company A against company B's records, as employee A
against employee B's applications and documents, as a reviewer and as an administrator: sign-in required, another
company's or employee's records answer 404, roles are checked, and B's data never shows."""
from __future__ import annotations

import re
import uuid
from itertools import product

import pytest
from flask import Flask, url_for

from tests.integration.web.learners import certified, own_certification
from tests.integration.web.people import admin_visitor, new_employee, reviewer_made_by_an_administrator, small_pdf
from tests.integration.web.support import Visitor, text_of

PUBLIC = {"public.home", "auth.register", "auth.login", "auth.logout", "password.forgot", "password.reset",
          "language.switch", "health.healthz", "health.readyz", "webhooks.paypal", "static", "employee.register",
          "auth.confirm_email", "auth.resend", "courses_verify.find", "courses_verify.certificate",
          "courses_credentials.issuer", "courses_credentials.status_list", "courses_credentials.credential",
          "courses_credentials.achievement"}
OWN_COMPANY_PAGES = {"dashboard.show", "dashboard.progress", "orders.new", "licenses.manage", "licenses.export_csv"}
EVERY_SIGNED_IN_USER = {"account.profile", "account.change_password"}
ANOTHER_COMPANYS_RECORD = {"orders.show", "orders.checkout", "orders.drop", "payment.paypal_return",
                           "payment.paypal_cancel", "payment.confirming", "payment.confirming_status",
                           "payment.check_again", "receipts.page", "receipts.pdf", "licenses.track",
                           "licenses.history", "licenses.release"}
EMPLOYEE_PAGES = {"employee.home", "employee.claim", "employee.use_license", "course.index", "course.module",
                  "applications.index", "applications.apply", "courses.index", "courses_certificates.index"}
ANOTHER_EMPLOYEES_RECORD = {"applications.show", "applications.upload", "applications.document",
                            "applications.remove_document", "applications.submit", "courses.outline", "courses.lesson",
                            "courses.lesson_done", "courses_exam.show", "courses_exam.start",
                            "courses_attempt.question", "courses_attempt.answer", "courses_attempt.save_answer",
                            "courses_attempt.review", "courses_attempt.submit", "courses_attempt.result",
                            "courses_certificates.pdf", "courses_certificates.credential"}
STAFF_PAGES = {"review.queue", "review.show", "review.start", "review.approve", "review.refuse",
               "review.request_documents", "review.document", "review_candidates.find", "review_candidates.show",
               "review_signoffs.queue", "review_signoffs.sign_off", "review_certificates.register",
               "review_certificates.export_csv", "review_certificates.show"}
ADMIN_ONLY = {"admin.held_orders", "admin_staff.accounts", "admin_certifications.index", "admin_certifications.edit",
              "admin_licenses.reinstate", "admin_staff.find", "admin_staff.account", "admin_staff.disable",
              "admin_staff.enable", "admin_candidates.extra_attempt", "admin_candidates.accommodation",
              "admin_certificates.change", "admin_courses.index", "admin_courses.show", "admin_courses.start_draft",
              "admin_courses.rules", "admin_courses.publish", "admin_courses.discard", "admin_courses.bank",
              "admin_course_content.lesson", "admin_course_content.preview", "admin_course_content.import_bank"}
COMPANY_ONLY = OWN_COMPANY_PAGES | ANOTHER_COMPANYS_RECORD
EMPLOYEE_ONLY = EMPLOYEE_PAGES | ANOTHER_EMPLOYEES_RECORD
CERTIFICATION = "supervisor_1_surface"
NO_SUCH_USER = str(uuid.uuid4())  # an administrator sees every account's page: B's would show B's address


@pytest.fixture
def company_b(app, paid_company) -> dict:
    """B's paid order, a new unpaid one, one of its codes, and everything that would betray B's data."""
    account, paid_order_id = paid_company
    b = Visitor(app.test_client())
    b.login(account)
    unpaid_order_id = b.place_order(5)
    licenses = b.get("/licenses").get_data(as_text=True)
    return {"visitor": b, "account": account, "order_ids": [paid_order_id, unpaid_order_id],
            "license_id": re.search(r'<tr id="license-([0-9a-f-]{36})"', licenses).group(1),
            # Not the ids: they are in the addresses A types, and echoed in "log in to continue" links.
            "secrets": [account.legal_name, account.email,
                        *re.findall(r"[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}", licenses),
                        *re.findall(r"WSCC-[0-9A-F]{8}", b.get("/dashboard").get_data(as_text=True))]}


@pytest.fixture(scope="module")
def employee_b(services, make_app) -> dict:
    """B's draft application with one document, its course module, B's course, passed exam and certificate, and
    what would betray B."""
    b = new_employee(make_app(), name=f"Bertha Secret {uuid.uuid4().hex[:6]}")
    course = certified(b, own_certification(), services.env()["WSCC_BROKER_URL"])
    application_id = b.apply(CERTIFICATION)
    filename, content = f"b-private-{uuid.uuid4().hex[:8]}.pdf", small_pdf()
    assert b.upload(application_id, b.requirements(application_id)[0], filename, content).status_code == 303
    html = b.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    document_id = re.search(rf"/employee/applications/{application_id}/documents/([0-9a-f-]{{36}})\"", html).group(1)
    module = re.search(r'href="/employee/course/([a-z0-9_-]+)"', b.get("/employee/course").get_data(as_text=True))
    return {"visitor": b, "application_id": application_id, "document_id": document_id, "filename": filename,
            "content": content, "module": module.group(1), "course": course,
            "secrets": [b.name, b.account.email, filename]}


def every_request(app: Flask, company_b: dict, employee_b: dict) -> list[tuple[str, str, str]]:
    """(endpoint, method, url) for every route and method, aimed at B's records wherever a route takes an id."""
    requests = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            choices = {"order_id": company_b["order_ids"], "license_id": [company_b["license_id"]],
                       "token": ["not-a-real-token"], "code": ["fr"], "filename": ["portal.css"],
                       "application_id": [employee_b["application_id"]], "document_id": [employee_b["document_id"]],
                       "key": [employee_b["module"]], "user_id": [NO_SUCH_USER], "employee_id": [NO_SUCH_USER],
                       "enrolment_id": [NO_SUCH_USER], "number": ["7K3QD9XH2A"], "action": ["suspend"],
                       "edition": [1]}
            if rule.endpoint.startswith(("admin_certifications.", "admin_courses.", "admin_course_content.")):
                choices["code"] = [CERTIFICATION]
            choices |= course_choices(rule.endpoint, employee_b["course"])
            names = sorted(rule.arguments)
            for values, method in product(product(*(choices[name] for name in names)),
                                          sorted(rule.methods - {"HEAD", "OPTIONS"})):
                query = {"token": "EC-NOT-B", "PayerID": "X"} if rule.endpoint.startswith("payment.") else {}
                arguments = dict(zip(names, values, strict=True)) | query
                requests.append((rule.endpoint, method, url_for(rule.endpoint, **arguments)))
    return requests


def course_choices(endpoint: str, course: dict) -> dict[str, list]:
    """B's enrolment, attempt and certificate where a route takes them; public pages get a number of no one's (the
    verification page rightly shows a holder's name)."""
    if not endpoint.startswith("courses"):
        return {}
    number = [1] if endpoint.startswith("courses_attempt.") else \
        ["4K7QMX2PBA"] if endpoint.startswith(("courses_verify.", "courses_credentials.")) else [course["number"]]
    return {"enrolment_id": [course["enrolment_id"]], "attempt_id": [course["attempt_id"]], "number": number,
            "question_id": [course["question_id"]], "key": ["hazards"], "purpose": ["revocation"],
            "code": [CERTIFICATION]}


def send(visitor: Visitor, method: str, url: str, token_page: str):
    if method == "GET":
        return visitor.get(url)
    data = {"csrf_token": visitor.csrf_token(token_page), "assigned_to_name": "HACKED", "quantity": "5",
            "reason": "HACKED", "message": "HACKED", "code": "HACKED", "confirmed": "yes",
            "certification": CERTIFICATION, "requirement_code": "identity", "chosen": "1", "move": "next"}
    if method == "PUT":  # the exam page's script: JSON, its token in a header
        return visitor.client.put(url, json={"chosen": [1]}, headers={"X-CSRFToken": data["csrf_token"]})
    return visitor.client.open(url, method=method, data=data)


def assert_nothing_of(response, secrets: list[str], where: str) -> None:
    body = response.get_data()  # bytes: a document is no text
    leaked = [secret for secret in secrets if secret.encode() in body]
    assert leaked == [], f"{where} shows B's data: {leaked}"


def walk(visitor: Visitor, app: Flask, company_b: dict, employee_b: dict, who: str, expected: dict[str, int],
         secrets: list[str]) -> None:
    """Every request as ``visitor``: endpoints named in ``expected`` answer that status, the others do not fail."""
    for endpoint, method, url in every_request(app, company_b, employee_b):
        if endpoint == "auth.logout":
            continue  # would end the session mid-walk
        response = send(visitor, method, url, "/account")
        where = f"{who} {method} {url}"
        assert response.status_code == expected.get(endpoint, response.status_code) < 500, where
        assert response.status_code < 500, where
        assert_nothing_of(response, secrets, where)


def expect(status: int, *groups: set[str]) -> dict[str, int]:
    return {endpoint: status for group in groups for endpoint in group}


def test_the_walk_covers_every_route(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == (PUBLIC | OWN_COMPANY_PAGES | EVERY_SIGNED_IN_USER | ANOTHER_COMPANYS_RECORD | EMPLOYEE_PAGES
                         | ANOTHER_EMPLOYEES_RECORD | STAFF_PAGES | ADMIN_ONLY)


def test_an_anonymous_visitor_is_sent_to_log_in_everywhere_but_public_pages(app, company_b, employee_b):
    anonymous = Visitor(app.test_client())
    for endpoint, method, url in every_request(app, company_b, employee_b):
        response = send(anonymous, method, url, "/login")
        where = f"anonymous {method} {url}"
        assert response.status_code < 500, where
        if endpoint not in PUBLIC:
            assert response.status_code == 302 and response.headers["Location"].startswith("/login"), where
        assert_nothing_of(response, company_b["secrets"] + employee_b["secrets"], where)


def test_company_a_never_reaches_company_bs_records_nor_employee_or_staff_pages(app, company_b, employee_b, company,
                                                                                 visitor):
    walk(visitor, app, company_b, employee_b, "company A",
         expect(404, ANOTHER_COMPANYS_RECORD) | expect(403, EMPLOYEE_ONLY, STAFF_PAGES, ADMIN_ONLY),
         company_b["secrets"] + employee_b["secrets"])


def test_employee_a_never_reaches_employee_bs_applications_or_documents(app, company_b, employee_b):
    employee_a = new_employee(app)
    walk(employee_a, app, company_b, employee_b, "employee A",
         expect(404, ANOTHER_EMPLOYEES_RECORD) | expect(403, COMPANY_ONLY, STAFF_PAGES, ADMIN_ONLY),
         company_b["secrets"] + employee_b["secrets"])


def test_a_reviewer_sees_applications_but_no_orders_receipts_or_company_pages(app, company_b, employee_b):
    reviewer = reviewer_made_by_an_administrator(app)
    walk(reviewer, app, company_b, employee_b, "reviewer",
         expect(403, COMPANY_ONLY, EMPLOYEE_ONLY, ADMIN_ONLY), company_b["secrets"])
    assert reviewer.get(url_for_document(employee_b, "review")).status_code == 200
    assert employee_b["visitor"].name in text_of(reviewer.get(f"/review/applications/{employee_b['application_id']}"))


def test_an_administrator_cannot_use_company_or_employee_pages(app, company_b, employee_b):
    admin = admin_visitor(app)
    walk(admin, app, company_b, employee_b, "admin", expect(403, COMPANY_ONLY, EMPLOYEE_ONLY), company_b["secrets"])


def url_for_document(employee_b: dict, area: str) -> str:
    prefix = "/review" if area == "review" else "/employee"
    return f"{prefix}/applications/{employee_b['application_id']}/documents/{employee_b['document_id']}"


def test_after_every_walk_bs_records_are_unchanged(app, company_b, employee_b, company, visitor):
    employee_a = new_employee(app)
    reviewer = reviewer_made_by_an_administrator(app)
    for endpoint, method, url in every_request(app, company_b, employee_b):
        if method == "POST" and endpoint in ANOTHER_COMPANYS_RECORD:
            send(visitor, method, url, "/account")
        if method == "POST" and endpoint in ANOTHER_EMPLOYEES_RECORD:
            send(employee_a, method, url, "/account")
        if method == "POST" and endpoint in STAFF_PAGES:
            send(reviewer, method, url, "/account")
    b = company_b["visitor"]
    unpaid = text_of(b.get(f"/orders/{company_b['order_ids'][1]}"))
    assert "Awaiting payment" in unpaid and "CLICK HERE TO GO TO PAYPAL" in unpaid
    assert "HACKED" not in b.get("/licenses").get_data(as_text=True)
    application = employee_b["visitor"].get(f"/employee/applications/{employee_b['application_id']}")
    page = text_of(application)
    assert "Not submitted yet" in page and employee_b["filename"] in page and "HACKED" not in page
    assert employee_b["visitor"].get(url_for_document(employee_b, "employee")).get_data() == employee_b["content"]


def test_an_employee_document_never_opens_for_another_employee_or_a_company(app, employee_b, company, visitor):
    assert new_employee(app).get(url_for_document(employee_b, "employee")).status_code == 404
    assert visitor.get(url_for_document(employee_b, "employee")).status_code == 403
    assert visitor.get(url_for_document(employee_b, "review")).status_code == 403
