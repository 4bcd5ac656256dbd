"""Editions of a certification's course: the published one that new enrolments and attempts take, and the one
draft an administrator edits, previews and publishes. A published edition never changes again."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.refusals import Conflict, Invalid, NotFound
from services.courses.models import Edition, EditionStatus, Lesson, Module, Option, Question
from services.courses.moodle_xml import ImportedOption, ImportedQuestion
from services.courses.rules import RULE_NAMES, Rules, default_rules


def published_edition(session: Session, certification_code: str) -> Edition:
    edition = session.scalars(select(Edition).where(Edition.certification_code == certification_code,
                                                    Edition.status == EditionStatus.PUBLISHED)
                              .order_by(Edition.number.desc()).limit(1)).first()
    if edition is None:
        raise NotFound("no_course_for_certification")
    return edition


def rules_of(edition: Edition) -> Rules:
    return Rules(**{name: getattr(edition, name) for name in RULE_NAMES})


def new_edition(session: Session, certification_code: str, rules: Rules | None, now: datetime, *,
                sample: bool = False) -> Edition:
    number = (session.scalar(select(func.max(Edition.number))
                             .where(Edition.certification_code == certification_code)) or 0) + 1
    edition = Edition(certification_code=certification_code, number=number, status=EditionStatus.DRAFT,
                      created_at=now, sample_content=sample, rules_are_defaults=rules is None,
                      **(rules or default_rules(certification_code)).as_dict())
    session.add(edition)
    session.flush()
    return edition


def current_draft(session: Session, certification_code: str) -> Edition | None:
    return session.scalars(select(Edition).where(Edition.certification_code == certification_code,
                                                 Edition.status == EditionStatus.DRAFT)).first()


def draft_of(session: Session, certification_code: str, now: datetime) -> Edition:
    """The certification's draft, started as a copy of its published edition when there is none."""
    draft = current_draft(session, certification_code)
    if draft is not None:
        return draft
    published = published_edition(session, certification_code)
    draft = new_edition(session, certification_code, rules_of(published), now, sample=published.sample_content)
    draft.rules_are_defaults = published.rules_are_defaults
    set_lessons(session, draft, lessons_of(published))
    set_questions(session, draft, questions_of(published))
    return draft


def lessons_of(edition: Edition) -> list[dict]:
    """The course as data (``seed/<code>/course.toml``'s shape): modules, each with its lessons."""
    return [{"key": module.key, "title_en": module.title_en, "title_fr": module.title_fr,
             "lessons": [{"key": lesson.key, "title_en": lesson.title_en, "title_fr": lesson.title_fr,
                          "minutes": lesson.minutes, "body_en": lesson.body_en, "body_fr": lesson.body_fr}
                         for lesson in module.lessons]}
            for module in edition.modules]


def questions_of(edition: Edition) -> list[ImportedQuestion]:
    return [ImportedQuestion(
        key=question.key, kind=question.kind, topic={"en": question.topic_en, "fr": question.topic_fr},
        text={"en": question.text_en, "fr": question.text_fr},
        feedback={language: text for language, text in (("en", question.feedback_en), ("fr", question.feedback_fr))
                  if text},
        options=[ImportedOption(text={"en": option.text_en, "fr": option.text_fr}, correct=option.correct)
                 for option in question.options])
        for question in edition.questions]


def _editable(edition: Edition) -> None:
    if edition.status != EditionStatus.DRAFT:
        raise Conflict("edition_published")


def set_lessons(session: Session, edition: Edition, modules: list[dict]) -> None:
    _editable(edition)
    _check_course(modules)
    edition.modules.clear()
    session.flush()
    for module_position, module_data in enumerate(modules, start=1):
        module = Module(key=module_data["key"], position=module_position, title_en=module_data["title_en"],
                        title_fr=module_data["title_fr"])
        edition.modules.append(module)
        for position, lesson in enumerate(module_data["lessons"], start=1):
            module.lessons.append(Lesson(edition_id=edition.id, key=lesson["key"], position=position,
                                         minutes=int(lesson.get("minutes") or 5), title_en=lesson["title_en"],
                                         title_fr=lesson["title_fr"], body_en=lesson["body_en"],
                                         body_fr=lesson["body_fr"]))
    session.flush()


def _check_course(modules: list[dict]) -> None:
    problems: dict[str, str] = {}
    keys: set[str] = set()
    if not modules:
        problems["modules"] = "at_least_one_module"
    for module in modules:
        lessons = module.get("lessons") or []
        if not lessons:
            problems[f"module:{module.get('key')}"] = "at_least_one_lesson"
        for item in [module, *lessons]:
            key = item.get("key") or ""
            if key in keys:
                problems[f"key:{key}"] = "duplicate_key"
            keys.add(key)
            for field in ("title_en", "title_fr", *(("body_en", "body_fr") if item in lessons else ())):
                if not (item.get(field) or "").strip():
                    problems[f"{key}:{field}"] = "required"
    if problems:
        raise Invalid("invalid_course", problems)


def set_questions(session: Session, edition: Edition, questions: list[ImportedQuestion]) -> None:
    _editable(edition)
    edition.questions.clear()
    session.flush()
    for position, imported in enumerate(questions, start=1):
        question = Question(key=imported.key, position=position, kind=imported.kind,
                            topic_en=imported.topic["en"], topic_fr=imported.topic["fr"],
                            text_en=imported.text["en"], text_fr=imported.text["fr"],
                            feedback_en=imported.feedback.get("en", ""), feedback_fr=imported.feedback.get("fr", ""))
        question.options = [Option(position=index, text_en=option.text["en"], text_fr=option.text["fr"],
                                   correct=option.correct) for index, option in enumerate(imported.options, start=1)]
        edition.questions.append(question)
    session.flush()


def set_rules(edition: Edition, rules: Rules) -> None:
    _editable(edition)
    for name, value in rules.as_dict().items():
        setattr(edition, name, value)
    edition.rules_are_defaults = False


def publish(session: Session, edition: Edition, by: uuid.UUID | None, now: datetime) -> Edition:
    """The draft becomes the edition new enrolments and attempts take; earlier enrolments keep theirs."""
    _editable(edition)
    if not edition.modules or len(edition.questions) < edition.questions_per_attempt:
        raise Conflict("edition_incomplete", {"questions": len(edition.questions),
                                              "questions_per_attempt": edition.questions_per_attempt})
    edition.status, edition.published_at, edition.published_by = EditionStatus.PUBLISHED, now, by
    session.flush()
    return edition
