"""MANAGE LICENSES, the dashboard and the CSV follow a redeemed license's course and exam from the courses service's
events (through the licenses service): lessons, attempts, the certificate's number and expiry, and "Used — course
finished" once it is over. Steps and counts only: never answers or scores. Another company sees none of it."""
from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from tests.integration.web.exams import redeemed_for
from tests.integration.web.people import company_with_codes, new_employee
from tests.integration.web.support import text_of, wait_for

NUMBER = re.compile(r"Certified — ([0-9A-Z]{5}-[0-9A-Z]{5}), valid until ([A-Z][a-z]+ \d{1,2}, \d{4})")


@pytest.fixture
def company(app, sandbox_url):
    return company_with_codes(app, sandbox_url, quantity=5)


def test_the_company_follows_the_course_and_exam_up_to_the_certificate_in_words(app, company, courses, web_db,
                                                                                 licenses_runtime):
    code, license_id = next(iter(company.codes().items()))
    employee = new_employee(app)
    assert employee.claim(code).status_code == 303
    certification = courses.certification()
    redeemed_for(licenses_runtime.db, license_id, certification)
    company_id = web_db.user(company.account.email).company_id
    candidate = courses.candidate(web_db.user(employee.account.email).id, company_id)
    enrolment = courses.enrol(candidate, certification, license_id)

    assert wait_for(lambda: "In the course (0 of 2 lessons)" in company.row(code))
    candidate.finish_course(enrolment["enrolment_id"])
    assert wait_for(lambda: "Exam open" in company.row(code))
    courses.sit_exam(candidate, enrolment["enrolment_id"], right=1)
    assert wait_for(lambda: "Exam failed (attempt 1 of 2)" in company.row(code))
    progress = company.progress(code)
    assert progress == "Exam failed (attempt 1 of 2)" and "%" not in company.row(code)  # never a score
    courses.sit_exam(candidate, enrolment["enrolment_id"], right=4)
    assert wait_for(lambda: NUMBER.search(company.row(code)))
    number = candidate.enrolments()[0]["certificate"]["number"]
    row = company.row(code)
    assert f"{number[:5]}-{number[5:]}" in row and "Used — course finished" in row and "Release" not in row

    export = company.visitor.get("/licenses/export.csv").get_data().decode("utf-8-sig")
    [exported] = [line for line in csv.reader(io.StringIO(export)) if line[0] == code]
    assert exported[1] == "Used — course finished" and NUMBER.fullmatch(exported[7])
    dashboard = text_of(company.visitor.get("/dashboard"))
    assert "Of the redeemed codes, 1 is “Used — course finished”" in dashboard

    company.visitor.get("/language/fr")
    try:
        french = unescape(company.row(code))
        assert "Utilisée — cours terminé" in french
        assert re.search(r"Certification obtenue — [0-9A-Z]{5}-[0-9A-Z]{5}, valide jusqu'au \d{1,2} [a-zéû]+ \d{4}",
                         french)
    finally:
        company.visitor.get("/language/en")


def test_another_company_sees_nothing_of_it(app, sandbox_url, company, courses, web_db, licenses_runtime):
    code, license_id = next(iter(company.codes().items()))
    employee = new_employee(app)
    employee.claim(code)
    certification = courses.certification()
    redeemed_for(licenses_runtime.db, license_id, certification)
    candidate = courses.candidate(web_db.user(employee.account.email).id,
                                  web_db.user(company.account.email).company_id)
    courses.enrol(candidate, certification, license_id)
    assert wait_for(lambda: "In the course" in company.row(code))
    other = company_with_codes(app, sandbox_url)
    table = other.visitor.get("/licenses").get_data(as_text=True)
    assert code not in table and employee.name not in table and "In the course" not in table
