"""Question banks in Moodle XML: read with both languages, written back the same, and a bad file refused whole
with each question's problems."""
from __future__ import annotations

import pytest

from common.refusals import Invalid
from services.courses.moodle_xml import ImportedOption, ImportedQuestion, bilingual, export_bank, parse_bank


def ml(en: str, fr: str) -> str:
    return f'<![CDATA[<span lang="en" class="multilang">{en}</span><span lang="fr" class="multilang">{fr}</span>]]>'


def multichoice(name: str, answers: list[tuple[str, str]], single: bool = True, idnumber: str = "",
                text: str | None = None) -> str:
    options = "".join(f'<answer fraction="{fraction}" format="html"><text>{body}</text></answer>'
                      for fraction, body in answers)
    return (f'<question type="multichoice"><name><text>{name}</text></name>'
            f'<questiontext format="html"><text>{text or ml(name + "?", name + " ?")}</text></questiontext>'
            f'<single>{"true" if single else "false"}</single><idnumber>{idnumber}</idnumber>{options}</question>')


CATEGORY = f'<question type="category"><category><text>$course$/top/{ml("Ground control", "Contrôle de terrain")}' \
           '</text></category></question>'


def bank(*questions: str, category: str = CATEGORY) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><quiz>{category}{"".join(questions)}</quiz>'.encode()


GOOD_SINGLE = multichoice("Scaling", [("100", ml("Bar down loose rock", "Écailler la roche instable")),
                                      ("0", ml("Ignore it", "L'ignorer"))], idnumber="GC-1")
GOOD_MULTIPLE = multichoice("Signs", [("50", ml("Cracks", "Fissures")), ("50", ml("Dribbling", "Chutes de gravier")),
                                      ("-100", ml("Sunshine", "Soleil"))], single=False, idnumber="GC-2")


def test_a_bilingual_bank_is_read_with_topics_kinds_and_right_options():
    single, multiple = parse_bank(bank(GOOD_SINGLE, GOOD_MULTIPLE))
    assert single.topic == {"en": "Ground control", "fr": "Contrôle de terrain"}
    assert (single.key, single.kind, multiple.kind) == ("GC-1", "single", "multiple")
    assert single.text == {"en": "Scaling?", "fr": "Scaling ?"}
    assert [option.correct for option in multiple.options] == [True, True, False]
    assert multiple.options[1].text["fr"] == "Chutes de gravier"


def test_what_is_exported_reads_back_as_the_same_bank():
    questions = parse_bank(bank(GOOD_SINGLE, GOOD_MULTIPLE))
    again = parse_bank(export_bank(questions))
    assert again == questions


def test_a_file_with_bad_questions_is_refused_whole_with_a_message_per_question():
    no_french = multichoice("Half", [("100", ml("Yes", "")), ("0", ml("No", "Non"))],
                            text='<span lang="en" class="multilang">Only English</span>')
    two_right = multichoice("Two", [("100", ml("A", "A")), ("100", ml("B", "B"))])
    essay = '<question type="essay"><name><text>Tell us</text></name></question>'
    with pytest.raises(Invalid) as refused:
        parse_bank(bank(GOOD_SINGLE, no_french, two_right, essay))
    problems = {item["question"]: item for item in refused.value.fields["questions"]}
    assert set(problems) == {2, 3, 4}
    assert problems[2]["name"] == "Half"
    assert "text_missing_fr" in problems[2]["problems"] and "option_needs_english_and_french" in problems[2]["problems"]
    assert problems[3]["problems"] == ["single_needs_exactly_one_right_option"]
    assert problems[4]["problems"] == ["unsupported_type:essay"]


def test_a_topic_in_one_language_only_and_duplicate_ids_are_named():
    with pytest.raises(Invalid) as refused:
        parse_bank(bank(GOOD_SINGLE, GOOD_SINGLE,
                        category='<question type="category"><category><text>$course$/top/Safety</text></category>'
                                 '</question>'))
    problems = refused.value.fields["questions"]
    assert all("topic_needs_english_and_french" in item["problems"] for item in problems)


def test_duplicate_idnumbers_are_refused():
    with pytest.raises(Invalid) as refused:
        parse_bank(bank(GOOD_SINGLE, GOOD_SINGLE))
    assert refused.value.fields["questions"] == [{"question": 2, "name": "GC-1", "problems": ["duplicate_idnumber"]}]


@pytest.mark.parametrize("data", [b"not xml", b"<html><body/></html>", b"<quiz></quiz>",
                                  b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaa">'
                                  b'<!ENTITY b "&a;&a;&a;&a;">]><quiz>&b;</quiz>'])
def test_unreadable_files_entity_tricks_and_empty_banks_are_refused(data):
    with pytest.raises(Invalid):
        parse_bank(data)


def test_markup_inside_a_text_is_kept_as_text_only():
    assert bilingual('<span lang="en" class="multilang"><b>Lock</b> &amp; tag</span>'
                     '<span class="multilang" lang="fr">Cadenassage</span>') == {"en": "Lock & tag", "fr": "Cadenassage"}


def test_a_true_false_question_becomes_a_single_choice_in_both_languages():
    true_false = ('<question type="truefalse"><name><text>Refuse</text></name><questiontext format="html"><text>'
                  + ml("A worker may refuse unsafe work.", "Un travailleur peut refuser un travail dangereux.")
                  + '</text></questiontext><answer fraction="100"><text>true</text></answer>'
                  '<answer fraction="0"><text>false</text></answer></question>')
    [question] = parse_bank(bank(true_false))
    assert question.kind == "single"
    assert [(option.text["fr"], option.correct) for option in question.options] == [("Vrai", True), ("Faux", False)]


def test_export_escapes_text_that_looks_like_markup():
    question = ImportedQuestion(key="x", kind="single", topic={"en": "T", "fr": "T"},
                                text={"en": "<script>", "fr": "a < b"}, feedback={},
                                options=[ImportedOption({"en": "1", "fr": "1"}, True),
                                         ImportedOption({"en": "2", "fr": "2"}, False)])
    [back] = parse_bank(export_bank([question]))
    assert back.text == {"en": "<script>", "fr": "a < b"}


def test_a_category_path_read_as_moodle_writes_it_with_slashes_in_names_doubled():
    category = ('<question type="category"><category><text><![CDATA[$course$/top/Old/<span lang="en" '
                'class="multilang">Lock-out//tag-out<//span><span lang="fr" class="multilang">Cadenassage<//span>]]>'
                '</text></category></question>')
    [question] = parse_bank(bank(GOOD_SINGLE, category=category))
    assert question.topic == {"en": "Lock-out/tag-out", "fr": "Cadenassage"}
    assert parse_bank(export_bank([question]))[0].topic == question.topic
    assert b"Lock-out//tag-out" in export_bank([question])
