"""The free introduction course: the module list, one page per module (opening it records it), completion shown."""
from __future__ import annotations

import re

from tests.integration.web.people import new_employee
from tests.integration.web.support import text_of, wait_for


def module_keys(employee) -> list[str]:
    html = employee.get("/employee/course").get_data(as_text=True)
    return list(dict.fromkeys(re.findall(r'href="/employee/course/([a-z0-9_-]+)"', html)))


def test_opening_every_module_completes_the_course(app):
    employee = new_employee(app)
    keys = module_keys(employee)
    assert len(keys) >= 3
    assert f"0 of {len(keys)} modules read." in text_of(employee.get("/employee/course"))
    first = employee.get(f"/employee/course/{keys[0]}")
    assert first.status_code == 200
    html = first.get_data(as_text=True)
    assert f"Module 1 of {len(keys)}" in text_of(first) and f'href="/employee/course/{keys[1]}"' in html
    assert "<p>" in html.split('class="module-body"')[1]  # the service's HTML, rendered as HTML
    assert f"1 of {len(keys)} modules read." in text_of(employee.get("/employee/course"))
    for key in keys[1:]:
        employee.get(f"/employee/course/{key}")
    course = text_of(employee.get("/employee/course"))
    assert "Introduction course completed on" in course and "Apply for a certification" in course
    # The steps are the licenses service's progress, fed by the course's completion event.
    assert wait_for(lambda: "Introduction course Done" in employee.home())


def test_the_course_follows_the_readers_language(app):
    employee = new_employee(app, language="fr")
    page = text_of(employee.get("/employee/course"))
    assert "Cours d'introduction" in page


def test_an_unknown_module_is_not_found(app):
    employee = new_employee(app)
    assert employee.get("/employee/course/no-such-module").status_code == 404
    assert employee.get("/employee/course/..%2Fintro-course").status_code == 404


def test_applying_needs_the_introduction_course_and_the_page_says_so(app):
    employee = new_employee(app)
    page = employee.get("/employee/applications")
    shown, html = text_of(page), page.get_data(as_text=True)
    assert "Take the free introduction course first: every employee completes it before applying." in shown
    assert 'class="button" role="button" href="/employee/course"' in html and 'name="certification"' not in html
    tried = employee.submit("/employee/applications", {"certification": "supervisor_1_surface"},
                            form_page="/employee")
    assert tried.status_code == 303 and tried.headers["Location"] == "/employee/applications"
    after = text_of(employee.get("/employee/applications"))
    assert "Take the free introduction course first" in after and "You have not applied yet." in after
    assert 'data-next-action="intro_course"' in employee.get("/employee").get_data(as_text=True)
    employee.complete_course()
    assert 'name="certification"' in employee.get("/employee/applications").get_data(as_text=True)
