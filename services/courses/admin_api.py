"""The courses service's internal API for WSCC administrators: each certification's editions, the draft's rules,
lessons and question bank (Moodle XML in and out), previews in both languages, and publishing."""
from __future__ import annotations

from flask import Blueprint, Response, request
from sqlalchemy import select

from common.api_input import acting_user_id, json_body
from common.clock import utcnow
from common.http import current_runtime, requires_actor
from common.markdown import render
from common.refusals import Invalid, NotFound
from services.courses import editions, moodle_xml
from services.courses.models import Edition, EditionStatus
from services.courses.rules import validated_rules

admin_api = Blueprint("courses_admin_api", __name__, url_prefix="/internal/admin/courses")


def edition_json(edition: Edition, *, with_content: bool = False) -> dict:
    summary = {"id": str(edition.id), "certification_code": edition.certification_code, "number": edition.number,
               "status": edition.status, "rules": editions.rules_of(edition).as_dict(),
               "rules_are_defaults": edition.rules_are_defaults, "sample_content": edition.sample_content,
               "modules": len(edition.modules), "lessons": sum(len(module.lessons) for module in edition.modules),
               "questions": len(edition.questions), "created_at": edition.created_at.isoformat(),
               "published_at": edition.published_at and edition.published_at.isoformat(),
               "topics": sorted({(question.topic_en, question.topic_fr) for question in edition.questions})}
    if with_content:
        summary["course"] = editions.lessons_of(edition)
    return summary


def _draft(session, code: str) -> Edition:
    draft = editions.current_draft(session, code)
    if draft is None:
        raise NotFound("no_draft")
    return draft


@admin_api.get("")
@requires_actor("admin")
def courses():
    with current_runtime().db.reading() as session:
        rows = session.scalars(select(Edition).order_by(Edition.certification_code, Edition.number)).all()
        by_code: dict[str, dict] = {}
        for edition in rows:
            entry = by_code.setdefault(edition.certification_code, {"certification_code": edition.certification_code,
                                                                    "published": None, "draft": None})
            entry["draft" if edition.status == EditionStatus.DRAFT else "published"] = edition_json(edition)
        return {"items": list(by_code.values())}


@admin_api.get("/<code>")
@requires_actor("admin")
def course(code: str):
    with current_runtime().db.reading() as session:
        published = editions.published_edition(session, code)
        draft = editions.current_draft(session, code)
        return {"published": edition_json(published, with_content=True),
                "draft": draft and edition_json(draft, with_content=True)}


@admin_api.post("/<code>/draft")
@requires_actor("admin")
def start_draft(code: str):
    with current_runtime().db.unit_of_work() as session:
        return edition_json(editions.draft_of(session, code, utcnow()), with_content=True), 201


@admin_api.put("/<code>/draft/rules")
@requires_actor("admin")
def set_rules(code: str):
    payload = json_body()
    with current_runtime().db.unit_of_work() as session:
        draft = _draft(session, code)
        editions.set_rules(draft, validated_rules(payload, len(draft.questions)))
        return edition_json(draft)


@admin_api.put("/<code>/draft/course")
@requires_actor("admin")
def set_course(code: str):
    modules = json_body().get("modules")
    if not isinstance(modules, list) or not all(isinstance(module, dict) for module in modules):
        raise Invalid("invalid_course", {"modules": "not_a_list"})
    with current_runtime().db.unit_of_work() as session:
        draft = _draft(session, code)
        editions.set_lessons(session, draft, modules)
        return edition_json(draft, with_content=True)


@admin_api.put("/<code>/draft/bank")
@requires_actor("admin")
def import_bank(code: str):
    """The draft's whole question bank from a Moodle XML file (the request body); a file with any bad question
    is refused whole, with each question's problems."""
    limit = current_runtime().settings.max_bank_file_bytes
    if (request.content_length or 0) > limit:
        raise Invalid("file_too_big", {"file": "too_big", "max_bytes": limit})
    questions = moodle_xml.parse_bank(request.get_data(cache=False)[:limit + 1])
    with current_runtime().db.unit_of_work() as session:
        draft = _draft(session, code)
        if len(questions) < draft.questions_per_attempt:
            raise Invalid("bank_too_small", {"questions": len(questions),
                                             "questions_per_attempt": draft.questions_per_attempt})
        editions.set_questions(session, draft, questions)
        return edition_json(draft)


@admin_api.get("/<code>/editions/<int:number>/bank.xml")
@requires_actor("admin")
def export_bank(code: str, number: int):
    with current_runtime().db.reading() as session:
        edition = session.scalars(select(Edition).where(Edition.certification_code == code,
                                                        Edition.number == number)).first()
        if edition is None:
            raise NotFound("not_found")
        body = moodle_xml.export_bank(editions.questions_of(edition))
    return Response(body, mimetype="application/xml")


@admin_api.get("/<code>/draft/lessons/<key>/preview")
@requires_actor("admin")
def preview_lesson(code: str, key: str):
    """The lesson as an employee will read it, in both languages."""
    with current_runtime().db.reading() as session:
        draft = _draft(session, code)
        lesson = next((lesson for module in draft.modules for lesson in module.lessons if lesson.key == key), None)
        if lesson is None:
            raise NotFound("not_found")
        return {language: {"title": getattr(lesson, f"title_{language}"),
                           "body_html": render(getattr(lesson, f"body_{language}"))} for language in ("en", "fr")}


@admin_api.post("/<code>/draft/publish")
@requires_actor("admin")
def publish(code: str):
    with current_runtime().db.unit_of_work() as session:
        return edition_json(editions.publish(session, _draft(session, code), acting_user_id(), utcnow()))


@admin_api.post("/<code>/draft/discard")
@requires_actor("admin")
def discard(code: str):
    with current_runtime().db.unit_of_work() as session:
        session.delete(_draft(session, code))
    return {"discarded": True}
