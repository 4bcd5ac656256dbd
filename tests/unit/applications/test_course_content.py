"""The introduction course's bodies render, and the seeded data is complete in both languages."""
from __future__ import annotations

from common.markdown import render
from services.applications.seed.certifications import CERTIFICATIONS
from services.applications.seed.intro_course import MODULES


def test_every_seeded_body_renders_to_paragraphs_or_lists_with_no_markup_of_its_own():
    for module in MODULES:
        for body in (module["body_en"], module["body_fr"]):
            html = render(body)
            assert html.startswith(("<p>", "<h3>", "<ul>", "<ol>")) and "&lt;" not in html


def test_the_seeded_course_has_four_to_six_modules_in_english_and_french():
    assert 4 <= len(MODULES) <= 6
    assert len({module["key"] for module in MODULES}) == len(MODULES)
    for module in MODULES:
        assert all(module[field].strip() for field in ("title_en", "title_fr", "body_en", "body_fr"))
        assert ("[[requirements]]" in module["body_en"]) == ("[[requirements]]" in module["body_fr"])


def test_the_eight_certifications_each_ask_for_identity_experience_and_first_aid():
    assert len(CERTIFICATIONS) == 8 and len({item["code"] for item in CERTIFICATIONS}) == 8
    for item in CERTIFICATIONS:
        codes = [requirement["code"] for requirement in item["requirements"]]
        assert {"identity", "mining_experience", "first_aid"} <= set(codes) and len(set(codes)) == len(codes)
        assert ("prior_certificate" in codes) == ("Level II" in item["name_en"])
        assert ("supervisor_reference" in codes) == item["name_en"].startswith("Shift Boss")
