"""What one employee may keep, through the front door against an applications service started with small limits:
files per application, bytes per person, each refused with the limit and what to do in the employee's language,
and two uploads at once at a limit store exactly one."""
from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator

import pytest

from tests.integration.web.people import Employee, new_employee, small_pdf
from tests.integration.web.support import text_of

CERTIFICATION = "supervisor_2_underground"
LIMITS = {"WSCC_MAX_FILES_PER_REQUIREMENT": "2", "WSCC_MAX_FILES_PER_APPLICATION": "3",
          "WSCC_MAX_DOCUMENT_BYTES_PER_PERSON": str(3 * 1024 * 1024)}
BIG = 1536 * 1024  # two of these pass the 3 MB per person


def restart_applications_api(processes) -> None:
    processes.stop("applications-api")
    processes.ensure("applications-api")


@pytest.fixture(scope="module")
def small_limits(services, processes) -> Iterator[None]:
    services.extra_env.update(LIMITS)
    restart_applications_api(processes)
    yield
    for name in LIMITS:
        services.extra_env.pop(name)
    restart_applications_api(processes)  # the other tests get the defaults again


@pytest.fixture
def draft(app, small_limits):
    def make(**changes: str) -> tuple[Employee, str, list[str]]:
        employee = new_employee(app, **changes)
        application_id = employee.apply(CERTIFICATION)
        return employee, application_id, employee.requirements(application_id)
    return make


def refusal(response) -> str:
    assert response.status_code == 422
    return text_of(response)


def documents_of(employee: Employee, application_id: str) -> list[str]:
    html = employee.get(f"/employee/applications/{application_id}").get_data(as_text=True)
    return list(dict.fromkeys(re.findall(rf"/employee/applications/{application_id}/documents/([0-9a-f-]{{36}})/remove",
                                         html)))


def remove(employee: Employee, application_id: str, document_id: str) -> None:
    page = f"/employee/applications/{application_id}"
    assert employee.submit(f"{page}/documents/{document_id}/remove", form_page=page).status_code == 303


def test_the_files_of_one_application_are_limited_and_removing_one_makes_room(draft):
    employee, application_id, requirements = draft()
    for requirement, name in ((requirements[0], "a.pdf"), (requirements[0], "b.pdf"), (requirements[1], "c.pdf")):
        assert employee.upload(application_id, requirement, name, small_pdf()).status_code == 303
    fourth = employee.upload(application_id, requirements[2], "d.pdf", small_pdf())
    assert "An application can hold at most 3 files. Remove a file you no longer need first" in refusal(fourth)
    assert len(documents_of(employee, application_id)) == 3
    remove(employee, application_id, documents_of(employee, application_id)[0])
    assert employee.upload(application_id, requirements[2], "d.pdf", small_pdf()).status_code == 303


def test_the_bytes_one_person_keeps_are_limited_in_their_language(draft):
    employee, application_id, requirements = draft(language="fr")
    assert employee.upload(application_id, requirements[0], "big.pdf", small_pdf() + b"0" * BIG).status_code == 303
    second = employee.upload(application_id, requirements[1], "big2.pdf", small_pdf() + b"0" * BIG)
    assert "L'ensemble de vos documents ne peut pas dépasser 3 Mo. Retirez d'abord un document" in refusal(second)
    assert len(documents_of(employee, application_id)) == 1
    assert employee.upload(application_id, requirements[1], "small.pdf", small_pdf()).status_code == 303


def test_two_uploads_at_once_at_the_limit_store_exactly_one(app, draft):
    employee, application_id, requirements = draft()
    assert employee.upload(application_id, requirements[0], "first.pdf", small_pdf()).status_code == 303
    second_browser = Employee(app.test_client())
    second_browser.login(employee.account)
    start, answers = threading.Barrier(2), []

    def upload(browser: Employee, name: str) -> None:
        token = browser.csrf_token(f"/employee/applications/{application_id}")
        start.wait(timeout=30)
        answers.append(browser.client.post(
            f"/employee/applications/{application_id}/documents", content_type="multipart/form-data",
            data={"csrf_token": token, "requirement_code": requirements[0],
                  "file": (io.BytesIO(small_pdf()), name, "application/pdf")}).status_code)

    threads = [threading.Thread(target=upload, args=(browser, f"{name}.pdf"))
               for browser, name in ((employee, "one"), (second_browser, "two"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(answers) == [303, 422]
    assert len(documents_of(employee, application_id)) == 2
