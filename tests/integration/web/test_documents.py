"""Applying with documents: files checked by their content (a fake PDF is refused, a real PDF or PNG accepted),
empty and too large files refused with a message in the user's language, what is missing shown, submission, and
the documents opening through the front door under headers that keep them inert."""
from __future__ import annotations

import re

import pytest

from tests.integration.web.people import FAKE_PDF, new_employee, small_pdf, small_png
from tests.integration.web.support import text_of

CERTIFICATION = "supervisor_2_underground"


@pytest.fixture
def draft(app):
    employee = new_employee(app)
    application_id = employee.apply(CERTIFICATION)
    return employee, application_id, employee.requirements(application_id)


def upload_error(response) -> str:
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    return text_of(response)


def test_choosing_a_certification_lists_its_required_documents(app):
    employee = new_employee(app)
    employee.complete_course()  # the form shows once the course is done
    page = employee.get("/employee/applications")
    html = page.get_data(as_text=True)
    assert html.count('type="radio" name="certification"') == 8
    assert "Required documents:" in text_of(page) and "Supervisor Level II – Underground" in text_of(page)


def test_the_upload_form_accepts_only_pdf_jpeg_and_png(draft):
    employee, application_id, requirements = draft
    html = employee.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    assert len(requirements) >= 3
    assert html.count('accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"') == len(requirements)
    assert html.count('enctype="multipart/form-data"') == len(requirements)
    assert "Still missing:" in text_of(employee.get(f"/employee/applications/{application_id}"))


def test_a_fake_pdf_is_refused_by_its_content_and_a_real_pdf_and_png_are_accepted(draft):
    employee, application_id, requirements = draft
    refused = employee.upload(application_id, requirements[0], "diploma.pdf", FAKE_PDF, "application/pdf")
    assert "This file is not a PDF, JPEG or PNG document" in upload_error(refused)
    assert employee.upload(application_id, requirements[0], "identity.pdf", small_pdf()).status_code == 303
    assert employee.upload(application_id, requirements[1], "first-aid.png", small_png()).status_code == 303
    page = text_of(employee.get(f"/employee/applications/{application_id}"))
    assert "identity.pdf" in page and "first-aid.png" in page and "diploma.pdf" not in page


def test_an_empty_file_and_a_file_too_large_are_refused_in_the_employees_language(app):
    employee = new_employee(app, language="fr")
    application_id = employee.apply(CERTIFICATION)
    requirement = employee.requirements(application_id)[0]
    empty = employee.upload(application_id, requirement, "empty.pdf", b"")
    assert "Ce fichier est vide" in upload_error(empty)
    too_large = employee.upload(application_id, requirement, "huge.pdf", small_pdf() + b"0" * (10 * 1024 * 1024))
    assert "Ce fichier dépasse 10 Mo" in upload_error(too_large)


def test_a_request_over_the_limit_gets_a_friendly_page_with_the_way_back(services, make_app):
    employee = new_employee(make_app(max_document_bytes=64 * 1024))
    application_id = employee.apply(CERTIFICATION)
    response = employee.upload(application_id, "proof_of_identity", "scan.pdf", b"%PDF" + b"0" * 400_000)
    assert response.status_code == 413
    page = text_of(response)
    assert "This file is too large" in page and "at most 0 MB" not in page
    assert f'href="/employee/applications/{application_id}"' in response.get_data(as_text=True)


def test_a_document_can_be_removed_and_submission_needs_every_document(draft):
    employee, application_id, requirements = draft
    assert employee.upload(application_id, requirements[0], "identity.pdf", small_pdf()).status_code == 303
    html = employee.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    document_id = re.search(rf"/employee/applications/{application_id}/documents/([0-9a-f-]{{36}})/remove", html)
    removed = employee.submit(f"/employee/applications/{application_id}/documents/{document_id.group(1)}/remove",
                              form_page=f"/employee/applications/{application_id}")
    assert removed.status_code == 303
    assert "identity.pdf" not in text_of(employee.get(f"/employee/applications/{application_id}"))
    refused = employee.submit_application(application_id)
    assert refused.status_code == 422
    assert "Missing document:" in text_of(refused)
    employee.upload_everything(application_id)
    assert employee.submit_application(application_id).status_code == 303
    submitted = employee.get(f"/employee/applications/{application_id}")
    assert "Submitted" in text_of(submitted) and 'type="file"' not in submitted.get_data(as_text=True)


def test_a_document_opens_inline_with_its_detected_type_and_a_sandbox(draft):
    employee, application_id, requirements = draft
    employee.upload(application_id, requirements[0], "scan.png", small_png(), "application/pdf")
    html = employee.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    link = re.search(rf'href="(/employee/applications/{application_id}/documents/[0-9a-f-]{{36}})"', html).group(1)
    response = employee.get(link)
    assert response.status_code == 200 and response.get_data() == small_png()
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert "scan.png" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("sandbox;")
    download = employee.get(link + "?download=1")
    assert download.headers["Content-Disposition"].startswith("attachment;")


def test_an_open_application_prevents_a_second_one(draft):
    employee, _, _ = draft
    page = text_of(employee.get("/employee/applications"))
    assert "Apply for a certification" not in page.split("History")[0].split("My applications", 2)[-1]
    again = employee.submit("/employee/applications", {"certification": "shift_boss_underground"})
    assert again.status_code == 303
    assert "You already have an application in progress" in text_of(employee.get("/employee/applications"))


def document_count(employee, application_id: str) -> int:
    html = employee.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    return len(set(re.findall(rf"/employee/applications/{application_id}/documents/([0-9a-f-]{{36}})/remove", html)))


def test_a_sixth_file_for_one_document_is_refused_with_what_to_do_and_not_stored(draft):
    employee, application_id, requirements = draft
    for number in range(5):
        assert employee.upload(application_id, requirements[0], f"page-{number}.pdf", small_pdf()).status_code == 303
    sixth = employee.upload(application_id, requirements[0], "page-6.pdf", small_pdf())
    assert "You can add at most 5 files for this document. Remove one of them first" in upload_error(sixth)
    assert document_count(employee, application_id) == 5
    assert "page-6.pdf" not in text_of(employee.get(f"/employee/applications/{application_id}"))
