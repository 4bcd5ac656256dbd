"""Question banks in Moodle XML, the format WSCC's authors can bring from other systems, both ways.

Both languages travel in each text as Moodle's multilang filter writes them:
``<span lang="en" class="multilang">…</span><span lang="fr" class="multilang">…</span>``. Topics are Moodle
categories (``$course$/top/<topic>``). Single and multiple choice questions are read (``multichoice``, and
``truefalse`` as a single choice); any other type, and any question that breaks a rule, is reported with its
number and name, and a file with any such question is refused whole so that a bank is never half-imported.
The parser is defusedxml's: no entity expansion, no external entities.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from common.refusals import Invalid

LANGUAGES = ("en", "fr")
MAX_OPTIONS = 10
MAX_TEXT = 5000
MAX_KEY = 100
_SPAN = re.compile(r"""<span\b(?=[^>]*\bclass\s*=\s*["']multilang["'])(?=[^>]*\blang\s*=\s*["']([a-zA-Z_-]+)["'])"""
                   r"""[^>]*>(.*?)</span>""", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_CATEGORY_PREFIX = re.compile(r"^\$(course|system|module|cat\d*)\$/(top/)?")
_PATH_STEP = re.compile(r"(?<![/<])/(?!/)")  # "</" and "//" never separate steps
_KEY = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class ImportedOption:
    text: dict[str, str]
    correct: bool


@dataclass
class ImportedQuestion:
    key: str
    kind: str  # "single" or "multiple"
    topic: dict[str, str]
    text: dict[str, str]
    feedback: dict[str, str]
    options: list[ImportedOption] = field(default_factory=list)


def plain(fragment: str) -> str:
    """Text for our pages: tags dropped, entities read, spaces collapsed (pages escape it again when shown)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def bilingual(raw: str | None) -> dict[str, str]:
    """``{"en": …, "fr": …}`` from multilang spans; languages missing from the text are missing from the result."""
    found: dict[str, str] = {}
    for language, content in _SPAN.findall(raw or ""):
        found.setdefault(language.lower()[:2], plain(content))
    return {language: text for language, text in found.items() if text}


def _text_of(element: Element | None) -> str:
    if element is None:
        return ""
    text = element.find("text")
    return (text.text or "") if text is not None else (element.text or "")


def parse_bank(data: bytes) -> list[ImportedQuestion]:
    """Every question of the file, or Invalid listing each question's problems (``fields["questions"]``)."""
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise Invalid("unreadable_file", {"file": "not_moodle_xml", "detail": str(error)[:200]}) from None
    if root.tag != "quiz":
        raise Invalid("unreadable_file", {"file": "not_moodle_xml"})
    questions: list[ImportedQuestion] = []
    problems: list[dict] = []
    topic: dict[str, str] = {}
    number = 0
    for element in root.findall("question"):
        kind = element.get("type", "")
        if kind == "category":
            topic = _topic(_text_of(element.find("category")))
            continue
        number += 1
        name = plain(_text_of(element.find("name")))
        codes = _question_problems(element, kind, topic)
        if codes:
            problems.append({"question": number, "name": name[:120], "problems": codes})
            continue
        questions.append(_question(element, kind, topic, name, number))
    problems.extend(_duplicate_keys(questions))
    if not questions and not problems:
        problems.append({"question": 0, "name": "", "problems": ["no_questions"]})
    if problems:
        raise Invalid("invalid_questions", {"questions": sorted(problems, key=lambda item: item["question"])})
    return questions


def _topic(category_path: str) -> dict[str, str]:
    """The last step of a category path such as ``$course$/top/Safety/<spans>``; Moodle writes a slash inside a
    category's name as ``//`` (so ``</span>`` reads ``<//span>``)."""
    last = _PATH_STEP.split(_CATEGORY_PREFIX.sub("", category_path.strip()))[-1]
    return bilingual(last.replace("//", "/"))


def _question_problems(element: Element, kind: str, topic: dict[str, str]) -> list[str]:
    if kind not in ("multichoice", "truefalse"):
        return [f"unsupported_type:{kind or 'none'}"]
    problems: list[str] = []
    if set(topic) < set(LANGUAGES):
        problems.append("topic_needs_english_and_french")
    text = bilingual(_text_of(element.find("questiontext")))
    problems += [f"text_missing_{language}" for language in LANGUAGES if language not in text]
    if any(len(value) > MAX_TEXT for value in text.values()):
        problems.append("text_too_long")
    answers = element.findall("answer")
    if kind == "truefalse":
        return problems + _true_false_problems(answers)
    if not 2 <= len(answers) <= MAX_OPTIONS:
        problems.append("needs_2_to_10_options")
    fractions = [_fraction(answer) for answer in answers]
    if any(value is None for value in fractions):
        return problems + ["fraction_not_a_number"]
    for answer in answers:
        option = bilingual(_text_of(answer))
        if set(option) < set(LANGUAGES):
            problems.append("option_needs_english_and_french")
            break
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    right = [value for value in fractions if value > 0]
    if single and right != [Decimal(100)]:
        problems.append("single_needs_exactly_one_right_option")
    if not single and (len(right) < 2 or abs(sum(right) - 100) > Decimal("0.5")):
        problems.append("multiple_needs_right_options_summing_to_100")
    return problems


def _true_false_problems(answers: list[Element]) -> list[str]:
    fractions = [_fraction(answer) for answer in answers]
    if len(answers) != 2 or None in fractions or sorted(fractions) != [0, 100]:
        return ["true_false_needs_one_true_and_one_false"]
    return []


def _fraction(answer: Element) -> Decimal | None:
    try:
        return Decimal(answer.get("fraction", "0"))
    except InvalidOperation:
        return None


TRUE_FALSE_WORDS = {"true": {"en": "True", "fr": "Vrai"}, "false": {"en": "False", "fr": "Faux"}}


def _question(element: Element, kind: str, topic: dict[str, str], name: str, number: int) -> ImportedQuestion:
    key = _KEY.sub("-", (element.findtext("idnumber") or "").strip() or name or f"question-{number}")[:MAX_KEY]
    options = []
    for answer in element.findall("answer"):
        text = bilingual(_text_of(answer))
        if kind == "truefalse" and set(text) < set(LANGUAGES):
            text = TRUE_FALSE_WORDS.get(_text_of(answer).strip().lower(), text)
        options.append(ImportedOption(text=text, correct=_fraction(answer) > 0))
    single = kind == "truefalse" or (element.findtext("single") or "true").strip().lower() in ("true", "1")
    return ImportedQuestion(key=key, kind="single" if single else "multiple", topic=topic,
                            text=bilingual(_text_of(element.find("questiontext"))),
                            feedback=bilingual(_text_of(element.find("generalfeedback"))), options=options)


def _duplicate_keys(questions: list[ImportedQuestion]) -> list[dict]:
    seen: dict[str, int] = {}
    problems = []
    for number, question in enumerate(questions, start=1):
        if question.key in seen:
            problems.append({"question": number, "name": question.key, "problems": ["duplicate_idnumber"]})
        seen.setdefault(question.key, number)
    return problems


def multilang(text: dict[str, str]) -> str:
    return "".join(f'<span lang="{language}" class="multilang">{html.escape(text.get(language, ""), quote=False)}'
                   f"</span>" for language in LANGUAGES)


def export_bank(questions: list[ImportedQuestion]) -> bytes:
    """Moodle XML that ``parse_bank`` (and Moodle, with the multilang filter) reads back as the same bank."""
    root = Element("quiz")
    topic: dict[str, str] | None = None
    for question in questions:
        if question.topic != topic:
            topic = question.topic
            category = SubElement(SubElement(root, "question", type="category"), "category")
            SubElement(category, "text").text = "$course$/top/" + multilang(topic).replace("/", "//")
        element = SubElement(root, "question", type="multichoice")
        SubElement(SubElement(element, "name"), "text").text = question.text.get("en", question.key)[:200]
        _html_text(element, "questiontext", question.text)
        _html_text(element, "generalfeedback", question.feedback)
        for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"), ("idnumber", question.key),
                           ("single", "true" if question.kind == "single" else "false"),
                           ("shuffleanswers", "true"), ("answernumbering", "none")):
            SubElement(element, tag).text = value
        right = sum(1 for option in question.options if option.correct) or 1
        for option in question.options:
            fraction = _share(right) if option.correct else ("0" if question.kind == "single" else "-100")
            answer = SubElement(element, "answer", fraction=fraction, format="html")
            SubElement(answer, "text").text = multilang(option.text)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode()


def _html_text(parent: Element, tag: str, text: dict[str, str]) -> None:
    holder = SubElement(parent, tag, format="html")
    SubElement(holder, "text").text = multilang(text) if text else ""


def _share(right: int) -> str:
    return "100" if right == 1 else f"{Decimal(100) / right:.5f}"
