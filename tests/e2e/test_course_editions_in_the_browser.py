"""An administrator in Chromium: opens a certification's course, starts a draft, imports a question bank with an
error and reads the question's problem, imports a good one, edits a lesson in French and previews it, publishes.
Each page is checked with axe-core (WCAG 2.1 AA); the draft page also at 375 px. Then WSCC staff's candidate,
sign-off and certificate pages, each checked the same way. Screenshots go to $WSCC_SCREENSHOTS when it is set."""
from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from services.web.accounts.demo import ensure_admin
from tests.e2e.accessibility import assert_accessible, assert_fits_a_phone
from tests.e2e.test_employee_journey_in_the_browser import log_in as log_in_only
from tests.e2e.test_employee_journey_in_the_browser import words
from tests.e2e.test_purchase_in_the_browser import exact, main
from tests.integration.web.exams import RULES, Courses, bank_with_problems, good_bank

PASSWORD = "an administrator's password"


@pytest.fixture(scope="module")
def courses(system, courses_runtime):
    handle = Courses(system, courses_runtime)
    yield handle
    handle.close()


@pytest.fixture
def admin(system, web_runtime) -> dict:
    return {"login": ensure_admin(web_runtime.db, f"admin-{uuid.uuid4().hex[:8]}@wsc.example", PASSWORD,
                                  name="Alex Administrator"), "url": system.url("WEB_PORT")}


def log_in(page: Page, web_url: str, email: str, password: str) -> None:
    log_in_only(page, web_url, email, password)
    # The first sign-in of a run may meet processes still warming up: wait for it, not for the next click.
    expect(page.get_by_role("button", name=exact(words("Log out", "en")))).to_be_visible(timeout=30_000)


def shot(page: Page, name: str) -> None:
    folder = os.environ.get("WSCC_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def checked(page: Page, name: str) -> None:
    assert_accessible(page)
    shot(page, name)


def test_an_administrator_imports_a_bank_previews_a_lesson_in_french_and_publishes(page, admin, courses, tmp_path):
    certification = courses.certification(defaults=True, sample=True)
    code = certification["code"]
    log_in(page, admin["url"], admin["login"].email, PASSWORD)
    page.get_by_role("link", name=exact(words("Courses and exams", "en"))).first.click()
    checked(page, "admin-courses")
    main(page).get_by_role("link", name=exact(code)).click()
    expect(page.locator('[data-banner="rules-are-defaults"]')).to_be_visible()
    page.get_by_role("button", name=exact("Start a draft")).click()
    expect(page.get_by_role("heading", name="Draft edition 2")).to_be_visible()
    checked(page, "edition-draft-1280")

    (tmp_path / "bad.xml").write_bytes(bank_with_problems())
    (tmp_path / "good.xml").write_bytes(good_bank(24))
    page.get_by_label("Question bank (Moodle XML)").set_input_files(tmp_path / "bad.xml")
    page.get_by_role("button", name=exact("Import the question bank")).click()
    expect(page.locator(".bank-problems")).to_contain_text("Question 1 “Question 1 (new)?”: the French text is missing")
    expect(page.locator(".bank-problems")).to_contain_text("its type “essay” cannot be imported")
    checked(page, "edition-bank-problems")
    page.get_by_label("Question bank (Moodle XML)").set_input_files(tmp_path / "good.xml")
    page.get_by_role("button", name=exact("Import the question bank")).click()
    expect(page.get_by_role("status").filter(has_text="The question bank was imported: 24 questions.")).to_be_visible()

    page.get_by_role("link", name="Edit Hazards").click()
    checked(page, "lesson-edit")
    page.get_by_label("Text in French (Markdown)").fill("## Regarder\n\nRegardez **toujours** en haut.")
    page.get_by_role("button", name=exact("Save and preview")).click()
    french = page.locator('article[lang="fr"]')
    expect(french.locator("strong")).to_have_text("toujours")
    expect(page.locator('article[lang="en"]')).to_contain_text("Look")
    checked(page, "lesson-preview")

    page.get_by_role("link", name="Draft edition 2").click()
    assert_fits_a_phone(page)
    checked(page, "edition-draft-375")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name=exact("Publish edition 2")).click()
    expect(page.get_by_role("status").filter(has_text="Edition 2 is published")).to_be_visible()
    checked(page, "edition-published")


def test_staff_pages_of_a_candidate_and_the_register_are_accessible(page, admin, courses, make_app, web_db):
    from tests.integration.web.people import new_employee
    employee = new_employee(make_app(), name="Nora Nakashuk")
    candidate = courses.candidate(web_db.user(employee.account.email).id, uuid.uuid4())
    signed, plain = courses.certification(replace(RULES, signoff_required=True)), courses.certification()
    waiting = courses.enrol(candidate, signed)
    certified = courses.enrol(candidate, plain)
    for enrolment in (waiting, certified):
        candidate.finish_course(enrolment["enrolment_id"])
        courses.sit_exam(candidate, enrolment["enrolment_id"], right=1)
        courses.sit_exam(candidate, enrolment["enrolment_id"], right=4)
    log_in(page, admin["url"], admin["login"].email, PASSWORD)
    page.goto(f"{admin['url']}/review/candidates")
    checked(page, "find-candidate")
    page.get_by_label("Employee's e-mail address or id").fill(employee.account.email)
    page.get_by_role("button", name=exact("Find the candidate")).click()
    expect(page.get_by_role("heading", name="Course and exam of Nora Nakashuk")).to_be_visible()
    checked(page, "candidate-1280")
    assert_fits_a_phone(page)
    shot(page, "candidate-375")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{admin['url']}/review/signoffs")
    checked(page, "signoffs")
    page.goto(f"{admin['url']}/review/certificates")
    checked(page, "certificate-register")
    main(page).locator("tbody a").first.click()
    checked(page, "certificate")


def test_manage_licenses_shows_each_course_in_words_on_a_phone_too(page, system, courses, make_app, web_db,
                                                                   licenses_runtime):
    from tests.integration.web.exams import redeemed_for
    from tests.integration.web.people import company_with_codes, new_employee
    from tests.integration.web.support import PASSWORD as COMPANY_PASSWORD
    app = make_app()
    company = company_with_codes(app, system.url("PAYPAL_SANDBOX_PORT"))
    company_id = web_db.user(company.account.email).company_id
    codes = list(company.codes().items())
    steps = []
    for (code, license_id), right in zip(codes[:3], (None, 1, 4), strict=True):
        employee = new_employee(app, name=f"Employee {len(steps) + 1} {uuid.uuid4().hex[:4]}")
        employee.claim(code)
        certification = courses.certification()
        redeemed_for(licenses_runtime.db, license_id, certification)
        candidate = courses.candidate(web_db.user(employee.account.email).id, company_id)
        enrolment = courses.enrol(candidate, certification, license_id)
        if right is not None:
            candidate.finish_course(enrolment["enrolment_id"])
            courses.sit_exam(candidate, enrolment["enrolment_id"], right=right)
        steps.append(code)
    log_in(page, system.url("WEB_PORT"), company.account.email, COMPANY_PASSWORD)
    page.goto(f"{system.url('WEB_PORT')}/licenses")
    expect(page.locator(f"#license-{codes[2][1]}")).to_contain_text("Certified —", timeout=15_000)
    expect(page.locator(f"#license-{codes[1][1]}")).to_contain_text("Exam failed (attempt 1 of 2)")
    expect(page.locator(f"#license-{codes[0][1]}")).to_contain_text("In the course (0 of 2 lessons)")
    expect(page.locator(f"#license-{codes[2][1]}")).to_contain_text("Used — course finished")
    checked(page, "manage-licenses-1280")
    assert_fits_a_phone(page)
    checked(page, "manage-licenses-375")
