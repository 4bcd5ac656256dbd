"""The sample courses and question banks the courses service seeds: complete, bilingual and well-formed.

Only the standard library reads them, so a broken file fails here before any import is attempted.
"""
from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from services.applications.seed.certifications import CERTIFICATIONS

SEED = Path(__file__).resolve().parents[3] / "services" / "courses" / "seed"
CODES = [certification["code"] for certification in CERTIFICATIONS]
KEY = re.compile(r"[a-z0-9_]{2,40}")
MULTILANG = re.compile(r'<span lang="en" class="multilang">([^<>]*)</span>'
                       r'<span lang="fr" class="multilang">([^<>]*)</span>')
CATEGORY_PREFIX = "$course$/top/"
RAW_HTML = re.compile(r"<[a-zA-Z/!]")


def _course(code: str) -> dict:
    return tomllib.loads((SEED / code / "course.toml").read_text(encoding="utf-8"))


def _bank(code: str) -> ET.Element:
    return ET.parse(SEED / code / "bank.xml").getroot()


def _languages(text: str | None) -> tuple[str, str]:
    """The English and French of a multilang text, which must hold exactly those two spans."""
    match = MULTILANG.fullmatch(text or "")
    assert match, f"not exactly an English and a French span: {text!r}"
    english, french = match.groups()
    assert english.strip() and french.strip(), f"an empty language: {text!r}"
    return english, french


def _category_name(path: str) -> str:
    """Moodle splits a category path on single slashes and writes a slash inside a name as two."""
    assert path.startswith(CATEGORY_PREFIX), path
    levels = re.split(r"(?<!/)/(?!/)", path.removeprefix(CATEGORY_PREFIX))
    assert len(levels) == 1, f"a topic nested below top: {path!r}"
    return levels[0].replace("//", "/")


def test_there_is_a_course_and_a_bank_for_each_certification_and_nothing_else():
    folders = {path.name for path in SEED.iterdir() if path.is_dir()}
    assert folders == set(CODES)
    assert all((SEED / code / name).is_file() for code in CODES for name in ("course.toml", "bank.xml"))


@pytest.mark.parametrize("code", CODES)
def test_the_course_is_marked_sample_and_has_three_or_four_modules_of_two_or_three_lessons(code):
    course = _course(code)
    assert course["sample"] is True
    assert 3 <= len(course["modules"]) <= 4
    assert all(2 <= len(module["lessons"]) <= 3 for module in course["modules"])


@pytest.mark.parametrize("code", CODES)
def test_every_key_is_well_formed_and_unique_in_the_course(code):
    modules = _course(code)["modules"]
    keys = [module["key"] for module in modules] + [lesson["key"] for module in modules for lesson in module["lessons"]]
    assert all(isinstance(key, str) and KEY.fullmatch(key) for key in keys), keys
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("code", CODES)
def test_every_title_and_body_is_there_in_english_and_french_without_html(code):
    for module in _course(code)["modules"]:
        assert module["title_en"].strip() and module["title_fr"].strip()
        for lesson in module["lessons"]:
            for field in ("title_en", "title_fr", "body_en", "body_fr"):
                assert isinstance(lesson[field], str) and lesson[field].strip(), (lesson["key"], field)
            assert not RAW_HTML.search(lesson["body_en"] + lesson["body_fr"]), lesson["key"]
            assert isinstance(lesson["minutes"], int) and lesson["minutes"] > 0


@pytest.mark.parametrize("code", CODES)
def test_the_first_lesson_tells_the_learner_in_both_languages_that_this_is_sample_content(code):
    first = _course(code)["modules"][0]["lessons"][0]
    assert "sample" in first["body_en"].lower() and "exemple" in first["body_fr"].lower()


@pytest.mark.parametrize("code", CODES)
def test_the_bank_has_forty_multichoice_questions_with_unique_idnumbers(code):
    questions = _bank(code).findall("question[@type='multichoice']")
    assert len(questions) == 40
    idnumbers = [question.findtext("idnumber") for question in questions]
    assert all(re.fullmatch(rf"{code}-\d{{4}}", idnumber or "") for idnumber in idnumbers)
    assert len(set(idnumbers)) == 40


@pytest.mark.parametrize("code", CODES)
def test_every_text_of_the_bank_holds_an_english_and_a_french_span(code):
    for question in _bank(code).iter("question"):
        for text in question.iter("text"):
            if question.get("type") == "category":
                _languages(_category_name(text.text or ""))
            else:
                _languages(text.text)


@pytest.mark.parametrize("code", CODES)
def test_every_question_sits_under_one_of_five_to_eight_topics(code):
    elements = list(_bank(code))
    assert elements and elements[0].get("type") == "category"
    assert {element.get("type") for element in elements} == {"category", "multichoice"}
    topics = [_languages(_category_name(element.findtext("category/text") or ""))
              for element in elements if element.get("type") == "category"]
    assert 5 <= len(topics) <= 8 and len(set(topics)) == len(topics)


@pytest.mark.parametrize("code", CODES)
def test_fractions_give_one_right_answer_or_several_that_share_the_full_mark(code):
    for question in _bank(code).findall("question[@type='multichoice']"):
        fractions = [float(answer.get("fraction")) for answer in question.findall("answer")]
        right = [fraction for fraction in fractions if fraction > 0]
        assert question.findtext("defaultgrade") == "1" and question.findtext("penalty") == "0"
        if question.findtext("single") == "true":
            assert len(fractions) == 4 and right == [100] and fractions.count(0) == 3, question.findtext("idnumber")
        else:
            assert question.findtext("single") == "false"
            assert 4 <= len(fractions) <= 5 and len(right) >= 2, question.findtext("idnumber")
            assert abs(sum(right) - 100) <= 0.01 and all(fraction < 0 for fraction in fractions if fraction <= 0)


@pytest.mark.parametrize("code", CODES)
def test_about_one_question_in_four_takes_several_answers(code):
    singles = [question.findtext("single") for question in _bank(code).findall("question[@type='multichoice']")]
    assert 6 <= singles.count("false") <= 14
