"""The introduction course's bodies render safely, and the seeded data is complete in both languages."""
from __future__ import annotations

from services.applications.markdown import render
from services.applications.seed.certifications import CERTIFICATIONS
from services.applications.seed.intro_course import MODULES


def test_markup_in_a_body_is_escaped_never_rendered():
    html = render('<script>alert("x")</script>\n\n- <img src=x onerror=alert(1)>\n\n**<b>bold</b>**')
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "<strong>&lt;b&gt;bold&lt;/b&gt;</strong>" in html


def test_paragraphs_headings_lists_and_wrapped_items():
    html = render("## Steps\n\nOne line\nwrapped.\n\n1. First\n2. Second\n   continued\n\n- a\n- **b**")
    assert html == ("<h3>Steps</h3>\n<p>One line wrapped.</p>\n<ol><li>First</li><li>Second continued</li></ol>\n"
                    "<ul><li>a</li><li><strong>b</strong></li></ul>")


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
