"""Administrators' course editions: each certification's published edition with its rules (marked when they are
BC's defaults, and sample content), a draft's rules with the service's refusals per field, a lesson edited in both
languages and previewed as the service renders it, the question bank imported from Moodle XML (refused whole, each
question's problems listed) and downloaded, then published or discarded. Nobody else reaches these pages."""
from __future__ import annotations

import io
import re

import pytest

from tests.integration.web.exams import RULES, bank_with_problems, good_bank
from tests.integration.web.people import admin_visitor, reviewer_made_by_an_administrator
from tests.integration.web.support import text_of


@pytest.fixture
def admin(app):
    return admin_visitor(app)


@pytest.fixture
def edition(courses) -> dict:
    """A certification of the test's own, its first edition published with BC's defaults and sample content."""
    return courses.certification(defaults=True, sample=True)


def upload(admin, code: str, content: bytes, filename: str = "bank.xml"):
    page = f"/admin/courses/{code}"
    data = {"csrf_token": admin.csrf_token(page), "file": (io.BytesIO(content), filename, "application/xml")}
    return admin.client.post(f"{page}/draft/bank", data=data, content_type="multipart/form-data")


def draft_rules(admin, code: str) -> dict:
    html = admin.get(f"/admin/courses/{code}").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', html))
    return {name: fields[name] for name in RULES.as_dict() if name in fields}


def test_the_courses_page_shows_each_edition_and_says_when_rules_are_defaults(admin, edition):
    page = text_of(admin.get("/admin/courses"))
    assert edition["code"] in page and "Edition 1, published" in page
    html = admin.get(f"/admin/courses/{edition['code']}").get_data(as_text=True)
    assert 'data-banner="rules-are-defaults"' in html and 'data-banner="sample-content"' in html
    assert "These rules are defaults taken from British Columbia's published rules; confirm or change them." in \
        text_of(admin.get(f"/admin/courses/{edition['code']}"))
    admin.get("/language/fr")
    try:
        assert "Ces règles sont des valeurs par défaut tirées des règles publiées de la Colombie-Britannique" in \
            text_of(admin.get(f"/admin/courses/{edition['code']}"))
    finally:
        admin.get("/language/en")


def test_a_draft_from_rules_to_publication(admin, edition, courses):
    code, page = edition["code"], f"/admin/courses/{edition['code']}"
    assert "Start a draft" in text_of(admin.get(page))
    assert admin.client.post(f"{page}/draft").status_code == 400  # no CSRF token
    assert admin.submit(f"{page}/draft", form_page=page).status_code == 303
    shown = text_of(admin.get(page))
    assert "Draft edition 2" in shown and "Publish edition 2" in shown
    assert "Enrolments already open keep their edition" in shown

    rules = draft_rules(admin, code)
    assert rules["questions_per_attempt"] == "20"
    admin.get("/language/fr")
    try:
        refused = admin.submit(f"{page}/draft/rules", rules | {"questions_per_attempt": "beaucoup",
                                                               "pass_mark_percent": "0"}, form_page=page)
        assert refused.status_code == 422
        assert "Entrez un nombre entier, par exemple 20." in text_of(refused)
        assert "Entrez un nombre entier de 1 à 100." in text_of(refused)
    finally:
        admin.get("/language/en")
    too_many = admin.submit(f"{page}/draft/rules", rules | {"questions_per_attempt": "200"}, form_page=page)
    assert too_many.status_code == 422 and "The question bank holds fewer questions than this" in text_of(too_many)
    assert draft_rules(admin, code)["questions_per_attempt"] == "20"
    saved = admin.submit(f"{page}/draft/rules", rules | {"questions_per_attempt": "4", "pass_mark_percent": "70"},
                         form_page=page)
    assert saved.status_code == 303
    html = admin.get(page).get_data(as_text=True)
    assert draft_rules(admin, code)["pass_mark_percent"] == "70"
    assert html.count('data-banner="rules-are-defaults"') == 1  # the published edition's only

    lesson = f"{page}/draft/lessons/hazards"
    empty = admin.submit(lesson, {"title_en": "Hazards", "title_fr": "", "minutes": "5", "body_en": "Look.",
                                  "body_fr": "Regardez."})
    assert empty.status_code == 422 and "Enter the title in French." in text_of(empty)
    edited = admin.submit(lesson, {"title_en": "Hazards underground", "title_fr": "Dangers sous terre",
                                   "minutes": "7", "body_en": "## Look\n\nLook **up**.",
                                   "body_fr": "## Regarder\n\nRegardez **en haut** <script>alert(1)</script>",
                                   "preview": "yes"})
    assert edited.status_code == 303 and edited.headers["Location"].endswith("/draft/lessons/hazards/preview")
    preview = admin.get(f"{lesson}/preview").get_data(as_text=True)
    french = preview[preview.index('<article lang="fr"'):]
    assert "Dangers sous terre" in french and "<strong>en haut</strong>" in french
    assert "&lt;script&gt;" in french and "<script>alert" not in preview
    assert "<strong>up</strong>" in preview[preview.index('<article lang="en"'):preview.index('<article lang="fr"')]

    unreadable = upload(admin, code, b"<quiz><question type=")
    assert unreadable.status_code == 422 and "This file is not a Moodle XML question bank" in text_of(unreadable)
    problems = text_of(upload(admin, code, bank_with_problems()))
    assert "Nothing was imported" in problems
    assert "Question 1 “Question 1 (new)?”: the French text is missing" in problems
    assert "Question 7 “Describe a hazard”: its type “essay” cannot be imported" in problems
    assert 'data-questions="60"' in admin.get(page).get_data(as_text=True)  # the bank is unchanged
    imported = upload(admin, code, good_bank(12))
    assert imported.status_code == 303
    assert "The question bank was imported: 12 questions." in text_of(admin.get(page))

    download = admin.get(f"{page}/editions/2/bank.xml")
    assert download.status_code == 200 and download.mimetype == "application/xml"
    assert b"Question 12 (new)?" in download.get_data() and "attachment" in download.headers["Content-Disposition"]
    assert b"(new)" not in admin.get(f"{page}/editions/1/bank.xml").get_data()

    published = admin.submit(f"{page}/draft/publish", form_page=page)
    assert published.status_code == 303
    after = text_of(admin.get(page))
    assert "Edition 2 is published" in after and "Start a draft" in after and "Publish edition" not in after
    with courses.db.reading() as session:
        from services.courses.editions import published_edition
        assert (published_edition(session, code).number, published_edition(session, code).pass_mark_percent) == (2, 70)


def test_a_discarded_draft_leaves_the_published_edition(admin, edition):
    page = f"/admin/courses/{edition['code']}"
    admin.submit(f"{page}/draft", form_page=page)
    unconfirmed = admin.submit(f"{page}/draft/discard", {}, form_page=page)
    assert unconfirmed.status_code == 303 and "Tick the box to confirm" in text_of(admin.get(page))
    assert "Draft edition 2" in text_of(admin.get(page))
    assert admin.submit(f"{page}/draft/discard", {"confirm": "y"}, form_page=page).status_code == 303
    shown = text_of(admin.get(page))
    assert "The draft was discarded" in shown and "Draft edition 2" not in shown and "Edition 1, published" in shown


def test_a_bank_over_the_size_limit_is_refused_before_it_is_sent(make_app, edition):
    admin = admin_visitor(make_app(max_bank_file_bytes=2048))
    page = f"/admin/courses/{edition['code']}"
    admin.submit(f"{page}/draft", form_page=page)
    refused = upload(admin, edition["code"], good_bank(12))
    assert refused.status_code == 422 and "The file is larger than 2 KB." in text_of(refused)
    assert "A Moodle XML file of at most 2 KB." in text_of(refused)


def test_reviewers_cannot_open_the_editions(app, edition):
    reviewer = reviewer_made_by_an_administrator(app)
    assert reviewer.get("/admin/courses").status_code == 403
    assert reviewer.get(f"/admin/courses/{edition['code']}").status_code == 403
