"""After "Use my license", in Chromium, in French and in English: the employee reads the course, sits the exam and
fails, is refused a second attempt until the wait has passed (the clock moved in the courses database), passes,
downloads the certificate (its PDF read back), and anyone's verification page says it is valid, then revoked once
an administrator revokes it. axe-core checks each new page; the question page is also checked at phone width.
The right answers come from the courses database, as they never reach a page."""
from __future__ import annotations

import io
import re
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from common.tokens import Actor, issue_token
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import reload_until
from tests.e2e.test_employee_journey_in_the_browser import (
    EVENTS, apply_with_documents, certification_name, company_with_seven_codes, link_code, log_in,
    open_in_queue, open_my_journey, register_employee, take_the_course, words)
from tests.e2e.test_purchase_in_the_browser import exact, main
from tests.integration.courses.support import move_attempt_back, right_options
from tests.integration.web.learners import courses_db, courses_runtime

SCREENSHOTS = Path("/tmp/wscc-course-screenshots")
PHONE = {"width": 375, "height": 800}


def pattern(template: str, language: str, *names: str) -> re.Pattern:
    """The catalogue's sentence in that language, any value in the named places."""
    marked = words(template, language, **{name: f"@{name}@" for name in names})
    text = re.escape(marked)
    for name in names:
        text = text.replace(re.escape(f"@{name}@"), ".+?")
    return re.compile(text)


def shoot(page: Page, name: str, language: str) -> None:
    """The page at a desktop's width and a phone's, for people to look at (not compared by the test)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (PHONE["width"], PHONE["height"])):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{language}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def redeemed_employee(system, page: Page, another_browser, language: str, wscc_staff, documents) -> tuple[Page, str]:
    """Through the portal: the company's code, the employee's approved application, "Use my license"."""
    web_url = system.url("WEB_PORT")
    company_with_seven_codes(page, web_url, language)
    code = page.locator("table.licenses tbody tr code").first.inner_text()
    employee = another_browser(f"{language}-CA")
    name = f"Noah Kigutak {uuid.uuid4().hex[:6]}"
    register_employee(employee, web_url, language, name)
    take_the_course(employee, language)
    open_my_journey(employee, language)
    link_code(employee, language, code)
    apply_with_documents(employee, language, documents)
    reviewer = another_browser("en-CA")
    log_in(reviewer, web_url, wscc_staff["reviewer"].email, wscc_staff["reviewer"].password)
    open_in_queue(reviewer, name)
    reviewer.get_by_role("button", name=exact("Start review")).click()
    reviewer.get_by_role("button", name=exact("Approve")).click()
    expect(reviewer.locator("dd[data-status]")).to_have_text("Approved")
    open_my_journey(employee, language)
    use = employee.get_by_role("button", name=exact(words("Use my license", language)))
    reload_until(employee, lambda: expect(use).to_be_visible(timeout=1_000), timeout=EVENTS)
    use.click()
    return employee, name


def read_the_course(employee: Page, language: str) -> None:
    """From the journey's main button, every lesson with "Mark as done and continue"."""
    button = main(employee).get_by_role("button", name=exact(words("Continue the course", language)))
    reload_until(employee, lambda: expect(button).to_be_visible(timeout=1_000), timeout=EVENTS)
    button.click()
    expect(employee.locator("#lessons-done")).to_have_text(
        words("%(done)s of %(total)s lessons done", language, done=0, total=employee.locator(".task-list-item").count()))
    assert_accessible(employee)
    main(employee).get_by_role("link", name=exact(words("Start the course", language))).click()
    assert_accessible(employee)
    shoot(employee, "lesson", language)
    done = employee.get_by_role("button", name=exact(words("Mark as done and continue", language)))
    while done.count():
        left = employee.url
        done.click()
        expect(employee).not_to_have_url(left)
    expect(main(employee).locator(".message-success")).to_contain_text(
        words("You finished the course. The exam is now open.", language))
    expect(employee.locator('li[data-done="no"]')).to_have_count(0)


def sit_the_exam(employee: Page, language: str, right: bool) -> str:
    """Start (or go on), answer every question with JavaScript saving each choice, review, submit: the attempt."""
    employee.locator('button[data-next-action="start_exam"]').click()  # "Start", or "Resume" an open one
    expect(employee).to_have_url(re.compile(r"/exam/[0-9a-f-]{36}/questions/1$"))
    attempt_id = re.search(r"/exam/([0-9a-f-]{36})/", employee.url).group(1)
    key = right_options(courses_db(), attempt_id)
    while "/questions/" in employee.url:
        question_id = int(re.search(r"/answers/(\d+)$",
                                    employee.locator("form.question").get_attribute("data-save-url")).group(1))
        options = [int(value) for value in employee.locator('input[name="chosen"]').evaluate_all(
            "inputs => inputs.map(input => input.value)")]
        chosen = key[question_id] if right else [next(option for option in options if option not in key[question_id])]
        for option in chosen:
            employee.locator(f'input[name="chosen"][value="{option}"]').check()
            expect(employee.locator("#save-status")).to_have_text(pattern("Answer saved at %(time)s.", language,
                                                                          "time"))
        expect(employee.locator("#time-left")).to_have_text(re.compile(r"^\d+:\d\d(:\d\d)?$"))  # counting down
        left = employee.url
        employee.locator('button[value="next"]').click()
        expect(employee).not_to_have_url(left)
    expect(employee.get_by_role("heading", level=1)).to_have_text(words("Review your answers", language))
    expect(employee.locator("#unanswered-count")).to_have_text(words("Every question is answered.", language))
    employee.get_by_role("button", name=exact(words("Submit the exam", language))).click()
    expect(employee).to_have_url(re.compile(rf"/exam/{attempt_id}/result$"))
    return attempt_id


def revoke(system, number: str) -> None:
    """An administrator revokes the certificate (through the courses API: the admin pages are built elsewhere)."""
    secret = courses_runtime().settings.internal_token_secret.get_secret_value()
    token = issue_token(secret, Actor(user_id=str(uuid.uuid4()), role="admin", language="en"))
    answer = requests.post(f"{system.url('COURSES_PORT')}/internal/staff/certificates/{number}/status",
                           json={"action": "revoke", "reason": "Issued in error"},
                           headers={"Authorization": f"Bearer {token}"}, timeout=15)
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize("page, language", [("fr-CA", "fr"), ("en-CA", "en")], indirect=["page"])
def test_course_exam_failed_then_passed_certificate_and_its_verification(
        system, page, language, another_browser, wscc_staff, documents):
    employee, name = redeemed_employee(system, page, another_browser, language, wscc_staff, documents)
    read_the_course(employee, language)

    main(employee).get_by_role("link", name=exact(words("Take the exam", language))).click()
    expect(employee.get_by_role("heading", level=1)).to_have_text(words("Exam", language))
    assert_accessible(employee)
    employee.get_by_role("button", name=exact(words("Start the exam", language))).click()
    assert_accessible(employee)
    shoot(employee, "question", language)
    employee.set_viewport_size(PHONE)
    assert employee.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(employee)
    employee.set_viewport_size({"width": 1280, "height": 900})
    employee.go_back()

    first = sit_the_exam(employee, language, right=False)
    expect(employee.get_by_role("heading", level=1)).to_have_text(words("You did not pass the exam", language))
    expect(employee.locator("#topics-heading")).to_have_text(words("Topics to review", language))
    assert_accessible(employee)
    shoot(employee, "result-failed", language)
    waiting = employee.locator("#exam-state")
    expect(waiting).to_have_attribute("data-reason", "wait")

    # The next attempt is refused until the wait has passed; then it may start.
    employee.get_by_role("link", name=exact(words("Exam", language))).click()
    expect(employee.get_by_role("button", name=exact(words("Start the exam", language)))).to_have_count(0)
    expect(employee.locator("#exam-state")).to_have_attribute("data-reason", "wait")
    move_attempt_back(courses_db(), first, timedelta(days=7, minutes=1))
    employee.reload()
    expect(employee.locator("#exam-state")).to_have_attribute("data-reason", "open")
    sit_the_exam(employee, language, right=True)
    expect(employee.get_by_role("heading", level=1)).to_have_text(words("You passed the exam", language))
    assert_accessible(employee)
    shoot(employee, "result-passed", language)

    # The certificate, and its PDF in the reader's language.
    employee.get_by_role("link", name=exact(words("View your certificate", language))).click()
    expect(employee.get_by_role("heading", level=1)).to_have_text(words("My certificates", language))
    assert_accessible(employee)
    shoot(employee, "certificates", language)
    section = employee.locator("section[data-certificate]")
    number = section.get_attribute("data-certificate")
    expect(section.get_by_role("heading")).to_have_text(certification_name(language))
    with employee.expect_download() as download:
        section.get_by_role("link", name=exact(words("Download the PDF", language))).click()
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages)
    assert name in text and certification_name(language) in text and f"/verify/{number}" in text
    assert words("This certifies that", language) in text

    # Anyone's verification page (the QR code's address) says it is valid, then revoked.
    anyone = another_browser(f"{language}-CA")
    anyone.goto(f"{system.url('WEB_PORT')}/verify/{number}")
    status = anyone.locator("#certificate-status")
    expect(status).to_have_attribute("data-status", "valid")
    expect(status).to_have_text(pattern("Valid until %(date)s", language, "date"))
    expect(main(anyone)).to_contain_text(name)
    assert_accessible(anyone)
    shoot(anyone, "verified", language)
    revoke(system, number)
    anyone.reload()
    expect(status).to_have_attribute("data-status", "revoked")
    expect(status).to_have_text(pattern("Revoked on %(date)s", language, "date"))
    anyone.goto(f"{system.url('WEB_PORT')}/verify")
    assert_accessible(anyone)
