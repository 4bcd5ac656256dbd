"""The employee's journey in Chromium, with the company and WSCC beside it, each person in a browser of their own.

A company buys codes and copies one; the employee registers, reads the introduction course, links the code, applies
with real PDF and PNG files; a reviewer approves; the employee uses the license and the course and exam open, while
the company follows every step in MANAGE LICENSES. Then the refusal path: the company releases the code and a
second employee links it. Visible words are read from the portal's catalogue (and the e-mails' from theirs), so the
French run checks the French pages.
"""
from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pytest
from babel.support import Translations
from playwright.sync_api import Locator, Page, expect

from common.runtime import ServiceRuntime
from common.timezones import display_zone
from services.applications.seed.certifications import CERTIFICATIONS
from services.licenses.codes import ALPHABET, display
from tests.e2e.conftest import reload_until
from tests.e2e.test_purchase_in_the_browser import (
    SEED_WORDS, buy, confirm_from_the_email, count, create_profile, exact, main, pay_by_card)
from tools.dev.stack import ROOT

PASSWORD = "correct horse battery staple"
# Three documents: proof of identity (a photo: PNG), proof of mining experience and a first aid certificate (PDF).
CERTIFICATION = next(item for item in CERTIFICATIONS if item["code"] == "supervisor_1_surface")
IMAGE_REQUIREMENTS = {"identity"}
EVENTS = 10_000  # ms for a change to travel through RabbitMQ to another service and show on a page


@lru_cache
def catalogue(service: str, language: str) -> Translations:
    return Translations.load(str(ROOT / f"services/{service}/translations"), [language])


def words(text: str, language: str, **values: object) -> str:
    """The portal's words in that language, placeholders filled."""
    translated = catalogue("web", language).gettext(text)
    return translated % values if values else translated


def days_left(days: int, language: str) -> str:
    return catalogue("web", language).ngettext("%(num)d day left", "%(num)d days left", days) % {"num": days}


def email_subject(text: str, language: str, **values: object) -> str:
    translated = catalogue("notifications", language).gettext(text)
    return translated % values if values else translated


def deadline_pattern(template: str, language: str, prefix: str = "") -> re.Pattern:
    """``template`` ("use by %(date)s (%(left)s)") with any ISO date, and 90 or 89 days left: the 90 days count
    from the approval, a few seconds ago."""
    text = re.escape(prefix + words(template, language, date="DATEMARK", left="LEFTMARK"))
    left = "|".join(re.escape(days_left(days, language)) for days in (90, 89))
    return re.compile(text.replace("DATEMARK", r"(\d{4}-\d{2}-\d{2})").replace("LEFTMARK", f"(?:{left})"))


def deadline_days(web_runtime: ServiceRuntime, approving: datetime, approved: datetime) -> set[str]:
    """The day (or two, across a midnight) on which approval + 90 days falls where WSCC works, as the e-mails say."""
    zone = display_zone(web_runtime.settings.display_timezone)
    return {(moment + timedelta(days=90)).astimezone(zone).date().isoformat() for moment in (approving, approved)}


def shown_day(pattern: re.Pattern, text: str) -> str:
    return pattern.search(text).group(1)


def certification_name(language: str) -> str:
    return CERTIFICATION[f"name_{language}"]


# --- the people ---------------------------------------------------------------------------------------------------

def log_in(page: Page, web_url: str, email: str, password: str, language: str = "en") -> None:
    page.goto(f"{web_url}/login")
    page.get_by_label(words("E-mail address", language)).fill(email)
    page.get_by_label(words("Password", language), exact=True).fill(password)
    page.get_by_role("button", name=exact(words("Log in", language))).click()


def register_employee(page: Page, web_url: str, language: str, name: str) -> str:
    email = f"employee-{uuid.uuid4().hex[:8]}@mine.example"
    page.goto(web_url)
    main(page).get_by_role("link", name=exact(words("Create an employee account", language))).click()
    page.get_by_label(words("Full name", language)).fill(name)
    page.get_by_label(words("E-mail address", language)).fill(email)
    page.get_by_label(words("Phone number", language)).fill("867-555-0142")
    expect(page.get_by_label(words("Preferred language", language))).to_have_value(language)  # the browser's
    page.get_by_label(words("Password", language), exact=True).fill(PASSWORD)
    page.get_by_label(words("Confirm the password", language)).fill(PASSWORD)
    page.get_by_role("button", name=exact(words("Create my employee account", language))).click()
    confirm_from_the_email(page, email, language)
    expect(page.get_by_role("heading", level=1)).to_have_text(words("My journey", language))
    return email


def menu(page: Page, language: str) -> Locator:
    return page.get_by_role("navigation", name=words("Main", language))


def open_my_journey(page: Page, language: str) -> None:
    menu(page, language).get_by_role("link", name=exact(words("My journey", language))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words("My journey", language))


def take_the_course(page: Page, language: str) -> None:
    """Every module, one after the other: applying needs the introduction course."""
    menu(page, language).get_by_role("link", name=exact(words("Introduction course", language))).click()
    page.locator("ol.modules a").first.click()
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
    expect(main(page).get_by_role("status")).to_contain_text(words("You completed the introduction course.", language))


def link_code(page: Page, language: str, typed: str) -> None:
    page.get_by_label(words("Enter the license code from your employer", language)).fill(typed)
    page.get_by_role("button", name=exact(words("Link this code", language))).click()


def apply_with_documents(page: Page, language: str, documents: dict[str, Path], *, a_wrong_file: bool = False) -> None:
    """Apply for the certification and upload each document it asks for (first removing a file sent for the wrong
    document, if asked); submit once nothing is missing."""
    menu(page, language).get_by_role("link", name=exact(words("My applications", language))).click()
    page.get_by_label(certification_name(language)).check()
    page.get_by_role("button", name=exact(words("Apply", language))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(certification_name(language))

    requirements = page.locator("section.requirement")
    expect(requirements).to_have_count(len(CERTIFICATION["requirements"]))
    if a_wrong_file:
        remove_a_wrong_file(page, language, CERTIFICATION["requirements"][-1]["code"], documents["png"])
    for requirement in CERTIFICATION["requirements"]:
        kind = "png" if requirement["code"] in IMAGE_REQUIREMENTS else "pdf"
        upload(page, language, requirement["code"], documents[kind])
        section = page.locator(f"#requirement-{requirement['code']}")
        expect(section.get_by_role("heading")).to_contain_text(requirement[f"name_{language}"])
        expect(section.get_by_role("heading")).to_contain_text(words("Provided", language))
        expect(section.get_by_role("link", name=documents[kind].name)).to_be_visible()
    expect(page.locator("#still-missing")).to_have_text(
        words("Every required document is provided. You can submit your application.", language))
    expect(page.locator(".badge-missing")).to_have_count(0)
    page.get_by_role("button", name=exact(words("Submit", language))).click()
    expect(page.locator("dd[data-status]")).to_have_text(words("Submitted", language))
    expect(page.get_by_role("button", name=words("Upload", language))).to_have_count(0)  # no longer editable


def upload(page: Page, language: str, requirement_code: str, file: Path) -> None:
    section = page.locator(f"#requirement-{requirement_code}")
    section.get_by_label(words("Choose a file", language)).set_input_files(file)
    section.get_by_role("button", name=words("Upload", language)).click()
    expect(main(page).locator(".message-success")).to_contain_text(
        words("%(filename)s was added.", language, filename=file.name))


def remove_a_wrong_file(page: Page, language: str, requirement_code: str, file: Path) -> None:
    section = page.locator(f"#requirement-{requirement_code}")
    upload(page, language, requirement_code, file)
    expect(section.get_by_role("heading")).to_contain_text(words("Provided", language))
    section.get_by_role("button", name=f"{words('Remove', language)} {file.name}").click()
    expect(main(page).locator(".message-success")).to_contain_text(words("The document was removed.", language))
    expect(section.get_by_role("heading")).to_contain_text(words("Missing", language))
    expect(section.get_by_role("link", name=file.name)).to_have_count(0)


def open_in_queue(page: Page, employee_name: str) -> None:
    menu(page, "en").get_by_role("link", name="Applications to review").click()
    page.locator("table.queue").get_by_role("link", name=employee_name).click()
    expect(page.locator("dd[data-status]")).to_have_text("Submitted")


def license_row(page: Page, code: str) -> Locator:
    return page.locator("table.licenses tbody tr").filter(has=page.locator("code", has_text=code))


def open_manage_licenses(page: Page, language: str) -> None:
    menu(page, language).get_by_role("link", name=exact(SEED_WORDS[language]["manage"])).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_WORDS[language]["manage"])


def company_with_seven_codes(page: Page, web_url: str, language: str) -> str:
    email = create_profile(page, web_url, language)
    buy(page, language, 7)
    pay_by_card(page, language)
    expect(count(page, "available")).to_have_text("7", timeout=5_000)  # the dashboard updates itself
    main(page).get_by_role("link", name=exact(SEED_WORDS[language]["manage"])).click()
    expect(page.locator("table.licenses tbody tr code")).to_have_count(7)
    return email


def mistyped(code: str) -> str:
    """The code with one character (in the second group) changed to another of the alphabet."""
    flat = code.replace("-", "")
    wrong = ALPHABET[(ALPHABET.index(flat[7]) + 1) % len(ALPHABET)]
    return display(flat[:7] + wrong + flat[8:])


def expect_email(sink: Page, sink_url: str, address: str, subject: str) -> None:
    """The SMTP sink's page for people lists every message: wait for this one."""
    if not sink.url.startswith(sink_url):
        sink.goto(sink_url)
    message = sink.locator("tr").filter(has_text=address).filter(has_text=subject)
    # An e-mail may wait out a retry: tests of the same run stop the SMTP sink or arm faults on purpose.
    reload_until(sink, lambda: expect(message).to_have_count(1, timeout=1_000), timeout=60_000)


# --- the tests ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page, language", [("fr-CA", "fr"), ("en-CA", "en")], indirect=["page"])
def test_an_employee_is_approved_and_uses_the_license_while_the_company_follows(
        system, page, language, another_browser, wscc_staff, mailbox, documents, web_runtime):
    web_url, locale = system.url("WEB_PORT"), f"{language}-CA"
    company = page
    representative_email = company_with_seven_codes(company, web_url, language)

    # The representative copies a code with the row's "Copy" button.
    company.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web_url)
    first_row = company.locator("table.licenses tbody tr").first
    first_row.get_by_role("button", name=exact(words("Copy", language))).click()
    expect(first_row.get_by_role("button", name=exact(words("Copied", language)))).to_be_visible()
    code = company.evaluate("navigator.clipboard.readText()")
    expect(first_row.locator("code")).to_have_text(code)

    # The employee, in their own browser and the same language.
    employee = another_browser(locale)
    employee_name = f"Jean Okalik {uuid.uuid4().hex[:6]}"
    employee_email = register_employee(employee, web_url, language, employee_name)

    menu(employee, language).get_by_role("link", name=exact(words("Introduction course", language))).click()
    modules = employee.locator("ol.modules a")
    titles = modules.all_inner_texts()
    assert len(titles) >= 3, titles
    modules.first.click()
    for number, title in enumerate(titles, start=1):
        expect(employee.get_by_role("heading", level=1)).to_have_text(title)
        expect(employee.locator(".breadcrumb")).to_contain_text(
            words("Module %(number)s of %(count)s", language, number=number, count=len(titles)))
        if number < len(titles):
            employee.locator("a[rel=next]").click()
    expect(main(employee).get_by_role("status")).to_contain_text(
        words("You completed the introduction course.", language))
    employee.get_by_role("link", name=words("Back to the course", language)).click()
    expect(main(employee).get_by_role("status")).to_contain_text(
        words("Introduction course completed on %(date)s.", language).split("%(date)s")[0])
    expect(employee.locator("ol.modules .badge")).to_have_count(len(titles))

    open_my_journey(employee, language)
    # A mistyped character is told apart from an unknown code, in the employee's language.
    link_code(employee, language, mistyped(code))
    typo = words("One character of this code seems mistyped. Compare it with the code your employer gave you.",
                 language)
    expect(employee.locator(".field-error .error")).to_have_text(typo)
    expect(employee.get_by_role("alert")).to_contain_text(typo)
    # Typed the way a person might: lower case, spaces for dashes.
    link_code(employee, language, code.lower().replace("-", " "))
    expect(main(employee).locator(".message-success")).to_contain_text(
        words("Code %(code)s is now linked to your account. Your employer can follow your progress.", language,
              code=code))
    expect(employee.locator("section[aria-labelledby=code-heading] code")).to_have_text(code)

    apply_with_documents(employee, language, documents)

    # The reviewer finds it in the queue, reads the documents, starts the review and approves.
    reviewer = another_browser("en-CA")
    log_in(reviewer, web_url, wscc_staff["reviewer"].email, wscc_staff["reviewer"].password)
    expect(reviewer.get_by_role("heading", level=1)).to_have_text("Applications to review")
    open_in_queue(reviewer, employee_name)
    expect(reviewer.get_by_role("heading", level=1)).to_have_text(CERTIFICATION["name_en"])
    photo = reviewer.locator("figure.document img")
    expect(photo).to_have_count(1)
    photo.scroll_into_view_if_needed()
    expect(photo).to_have_js_property("naturalWidth", 120)  # the PNG itself, shown to the reviewer
    frames = reviewer.locator("figure.document iframe")
    expect(frames).to_have_count(len(CERTIFICATION["requirements"]) - 1)
    for address in [frame.get_attribute("src") for frame in frames.all()]:
        response = reviewer.request.get(f"{web_url}{address}")
        assert response.ok and response.headers["content-type"] == "application/pdf", response.headers
        assert response.body().startswith(b"%PDF-")
    reviewer.get_by_role("button", name=exact("Start review")).click()
    expect(reviewer.locator("dd[data-status]")).to_have_text("Under review")
    approving = datetime.now(UTC)
    reviewer.get_by_role("button", name=exact("Approve")).click()
    expect(reviewer.locator("dd[data-status]")).to_have_text("Approved")
    deadline = deadline_days(web_runtime, approving, datetime.now(UTC))
    history = reviewer.get_by_role("region", name="Decision history")
    expect(history.locator("tbody tr")).to_have_count(2)
    expect(history.locator("tbody tr").first).to_contain_text("Review started")
    expect(history.locator("tbody tr").last).to_contain_text("Approved")
    expect(history.locator("tbody tr").last).to_contain_text("WSCC Reviewer")

    # The company sees the employee approved, with the deadline 90 days away.
    open_manage_licenses(company, language)
    row = license_row(company, code)
    progress = row.locator("td[data-progress]")
    approved = deadline_pattern("use by %(date)s (%(left)s)", language, prefix=words("Approved", language) + " — ")
    reload_until(company, lambda: expect(progress).to_have_text(approved, timeout=1_000), timeout=EVENTS)
    expect(row).to_contain_text(employee_name)
    assert shown_day(approved, progress.inner_text()) in deadline
    # The same in the CSV export, in the reader's language.
    with company.expect_download() as download:
        main(company).get_by_role("link", name=words("Export CSV", language)).click()
    table = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert table[0][-3:] == [words(column, language) for column in ("Employee", "Progress", "Deadline to use")]
    [exported] = [line for line in table if line[0] == code]
    assert exported[-3:] == [employee_name, progress.inner_text().strip(), shown_day(approved, progress.inner_text())]

    # The employee sees the deadline and uses the license: the course and exam open.
    open_my_journey(employee, language)
    use_by = deadline_pattern("Use your license by %(date)s (%(left)s).", language)
    use_button = employee.get_by_role("button", name=exact(words("Use my license", language)))
    reload_until(employee, lambda: expect(use_button).to_be_visible(timeout=1_000), timeout=EVENTS)
    expect(main(employee).get_by_role("status")).to_contain_text(use_by)
    assert shown_day(use_by, main(employee).get_by_role("status").inner_text()) in deadline
    use_button.click()
    expect(main(employee).locator(".message-success").first).to_contain_text(
        words("Your license is redeemed. Your online course and exam are opening.", language))
    open_now = words("Your online course and exam for %(certification)s are open.", language,
                     certification=certification_name(language))
    reload_until(employee, lambda: expect(main(employee).locator(".journey-message")).to_contain_text(
        open_now, timeout=1_000), timeout=EVENTS)
    expect(employee.locator("li.step-done")).to_have_count(5)
    expect(employee.locator("li.step-in_progress")).to_contain_text(words("Online course", language))
    expect(main(employee).get_by_role("button", name=exact(words("Continue the course", language)))).to_be_visible()

    # Redeemed, then the course's first step as soon as the courses service opened it.
    first_step = re.compile(r"In the course \(0 of \d+ lessons\)" if language == "en" else
                            r"En formation \(0 sur \d+ leçons\)")
    reload_until(company, lambda: expect(progress).to_have_text(first_step, timeout=1_000), timeout=EVENTS)
    expect(row.locator("td").first).to_have_text(words("Redeemed", language))

    # E-mails in the employee's language, and never a code in any of them.
    sink_url = system.url("SMTP_SINK_HTTP_PORT")
    sink = another_browser("en-CA")
    for subject in ("Your account has been created", "Your application has been approved",
                    "Your course and exam are open"):
        expect_email(sink, sink_url, employee_email, email_subject(subject, language))
    for subject in ("%(employee)s entered one of your license codes", "Application approved: %(employee)s",
                    "License used: %(employee)s"):
        expect_email(sink, sink_url, representative_email, email_subject(subject, language, employee=employee_name))
    bodies = [message.get(part) or "" for address in (employee_email, representative_email.lower())
              for message in mailbox.messages_to(address) for part in ("text", "html")]
    assert bodies
    assert not any(form in body for body in bodies for form in (code, code.replace("-", ""))), \
        "a license code must never be e-mailed"


def test_a_refused_employee_s_code_is_released_and_linked_by_another_employee(
        system, page, another_browser, wscc_staff, mailbox, documents):
    web_url, sink_url = system.url("WEB_PORT"), system.url("SMTP_SINK_HTTP_PORT")
    company = page
    representative_email = company_with_seven_codes(company, web_url, "en")
    code = company.locator("table.licenses tbody tr code").first.inner_text()

    first = another_browser("en-CA")
    first_name = f"Mary Kadlun {uuid.uuid4().hex[:6]}"
    first_email = register_employee(first, web_url, "en", first_name)
    link_code(first, "en", code)
    expect(first.locator("section[aria-labelledby=code-heading] code")).to_have_text(code)
    take_the_course(first, "en")
    apply_with_documents(first, "en", documents, a_wrong_file=True)

    # An administrator creates a reviewer account; its temporary password must be replaced at the first login.
    admin = another_browser("en-CA")
    log_in(admin, web_url, wscc_staff["admin"].email, wscc_staff["admin"].password)
    menu(admin, "en").get_by_role("link", name="Staff accounts").click()
    reviewer_name, reviewer_email = "Paul Anguk", f"reviewer-{uuid.uuid4().hex[:8]}@wscc.example"
    admin.get_by_label("Full name").fill(reviewer_name)
    admin.get_by_label("E-mail address", exact=True).fill(reviewer_email)
    admin.get_by_label("Role").select_option("reviewer")
    admin.get_by_label("Temporary password").fill("temporary password 2024")
    admin.get_by_role("button", name=exact("Create the account")).click()
    staff_row = admin.get_by_role("row").filter(has_text=reviewer_email)
    expect(staff_row).to_contain_text("Reviewer")
    expect(staff_row).to_contain_text("Temporary password")

    reviewer = another_browser("en-CA")
    log_in(reviewer, web_url, reviewer_email, "temporary password 2024")
    expect(reviewer.get_by_role("heading", level=1)).to_have_text("Change my password")
    reviewer.get_by_label("Current password").fill("temporary password 2024")
    reviewer.get_by_label("Password", exact=True).fill("a reviewer's own password")
    reviewer.get_by_label("Confirm the password").fill("a reviewer's own password")
    reviewer.get_by_role("button", name=exact("Save the new password")).click()
    open_in_queue(reviewer, first_name)
    reason = "The first aid certificate expired in 2024; send a current one with your next application."
    reviewer.get_by_label("Reason for the refusal").fill(reason)
    reviewer.get_by_role("button", name=exact("Refuse")).click()
    expect(reviewer.locator("dd[data-status]")).to_have_text("Refused")
    decisions = reviewer.get_by_role("region", name="Decision history").locator("tbody tr")
    expect(decisions.last).to_contain_text("Refused")
    expect(decisions.last).to_contain_text(reviewer_name)
    expect(decisions.last).to_contain_text(reason)

    # The employee reads the reason.
    open_my_journey(first, "en")
    expect(main(first).locator(".journey-message")).to_contain_text(f"Reason: {reason}")
    # The steps say so too (once the licenses service has the refusal), and applying again is the main button.
    reload_until(first, lambda: expect(first.locator('li[data-step="review"]')).to_contain_text(
        "Refused", timeout=1_000), timeout=EVENTS)
    expect(first.locator('li[data-step="apply"]')).to_contain_text("Next")
    expect(first.locator('li[data-step="use_license"]')).to_contain_text("To do")
    expect(main(first).get_by_role("button", name=exact("Apply again"))).to_be_visible()

    # The company sees the refusal, and releases the code after confirming.
    open_manage_licenses(company, "en")
    row = license_row(company, code)
    release = row.get_by_role("button", name="Release")
    reload_until(company, lambda: expect(row.locator("td[data-progress]")).to_have_text("Refused", timeout=1_000),
                 timeout=EVENTS)
    reload_until(company, lambda: expect(release).to_be_visible(timeout=1_000), timeout=EVENTS)
    expect(row).to_contain_text(first_name)
    release.click()
    expect(company.get_by_role("heading", level=1)).to_have_text("Release a code")
    expect(main(company)).to_contain_text(f"Release code {code}?")
    expect(main(company)).to_contain_text(first_name)
    company.get_by_role("button", name=exact("Yes, release this code")).click()
    expect(main(company).locator(".message-success")).to_contain_text(
        f"Code {code} is available again: you can give it to another employee.")
    expect(row.locator("td").first).to_have_text("Available")
    expect(row.get_by_role("button", name="Release")).to_have_count(0)

    # A second employee links the same code.
    second = another_browser("en-CA")
    second_name = f"Luke Arnaquq {uuid.uuid4().hex[:6]}"
    register_employee(second, web_url, "en", second_name)
    link_code(second, "en", code)
    expect(main(second).locator(".message-success")).to_contain_text(f"Code {code} is now linked to your account.")

    reload_until(company, lambda: expect(row).to_contain_text(second_name, timeout=1_000), timeout=EVENTS)
    expect(row.locator("td").first).to_have_text("Linked to an employee")
    row.get_by_role("link", name="History").click()
    expect(company.get_by_role("heading", level=1)).to_have_text("History of a code")
    changes = company.get_by_role("region", name="History of a code").locator("tbody tr")
    expect(changes.filter(has_text=first_name)).not_to_have_count(0)
    expect(changes.filter(has_text=second_name)).not_to_have_count(0)
    expect(changes.last).to_contain_text(second_name)

    # The employee got the reason by e-mail; the company was told of the refusal but never its reason.
    sink = another_browser("en-CA")
    expect_email(sink, sink_url, first_email, "Decision on your application")
    expect_email(sink, sink_url, representative_email.lower(), f"Application refused: {first_name}")
    refused = [message for message in mailbox.messages_to(first_email)
               if message["subject"] == "Decision on your application"]
    assert reason in refused[0]["text"]
    company_bodies = [message.get(part) or "" for message in mailbox.messages_to(representative_email.lower())
                      for part in ("text", "html")]
    assert not any(reason in body or code in body for body in company_bodies)
