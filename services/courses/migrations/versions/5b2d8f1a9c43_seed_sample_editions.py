"""seed each certification's first edition from the sample content in services/courses/seed

Revision ID: 5b2d8f1a9c43
Revises: 3a1c0e5d7b20
Create Date: 2026-12-02 01:40:00

The rules are the defaults of services/courses/rules.py, marked as defaults for WSCC to confirm; the content is
marked as sample content. The tables are described here as they were at this revision, so later changes to the
models never change what this migration writes.
"""
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import common.db

revision = "5b2d8f1a9c43"
down_revision = "3a1c0e5d7b20"
branch_labels = None
depends_on = None

RULES = {"questions_per_attempt": 20, "pass_mark_percent": 80, "time_limit_minutes": 60, "attempts_allowed": 3,
         "wait_between_attempts_hours": 168, "access_days": 42, "certificate_valid_months": 60}

editions = sa.table("editions", sa.column("id", sa.Uuid()), sa.column("certification_code"), sa.column("number"),
                    sa.column("status"), *(sa.column(name) for name in RULES), sa.column("signoff_required"),
                    sa.column("rules_are_defaults"), sa.column("sample_content"),
                    sa.column("created_at", common.db.UTCDateTime()), sa.column("published_at", common.db.UTCDateTime()),
                    sa.column("published_by", sa.Uuid()))
modules = sa.table("modules", sa.column("id"), sa.column("edition_id", sa.Uuid()), sa.column("key"),
                   sa.column("position"), sa.column("title_en"), sa.column("title_fr"))
lessons = sa.table("lessons", sa.column("module_id"), sa.column("edition_id", sa.Uuid()), sa.column("key"),
                   sa.column("position"), sa.column("minutes"), sa.column("title_en"), sa.column("title_fr"),
                   sa.column("body_en"), sa.column("body_fr"))
questions = sa.table("questions", sa.column("id"), sa.column("edition_id", sa.Uuid()), sa.column("key"),
                     sa.column("position"), sa.column("kind"), sa.column("topic_en"), sa.column("topic_fr"),
                     sa.column("text_en"), sa.column("text_fr"), sa.column("feedback_en"), sa.column("feedback_fr"))
options = sa.table("options", sa.column("question_id"), sa.column("position"), sa.column("text_en"),
                   sa.column("text_fr"), sa.column("correct"))


def upgrade() -> None:
    from services.courses.seeding import sample_courses

    connection, now = op.get_bind(), datetime.now(UTC)
    for course in sample_courses():
        edition_id = uuid.uuid4()
        connection.execute(editions.insert().values(
            id=edition_id, certification_code=course.certification_code, number=1, status="published", **RULES,
            signoff_required=course.certification_code.startswith("shift_boss"), rules_are_defaults=True,
            sample_content=True, created_at=now, published_at=now, published_by=None))
        for module_position, module in enumerate(course.modules, start=1):
            module_id = connection.execute(modules.insert().values(
                edition_id=edition_id, key=module["key"], position=module_position, title_en=module["title_en"],
                title_fr=module["title_fr"]).returning(modules.c.id)).scalar_one()
            connection.execute(lessons.insert(), [
                {"module_id": module_id, "edition_id": edition_id, "key": lesson["key"], "position": position,
                 "minutes": int(lesson.get("minutes") or 5), "title_en": lesson["title_en"],
                 "title_fr": lesson["title_fr"], "body_en": lesson["body_en"], "body_fr": lesson["body_fr"]}
                for position, lesson in enumerate(module["lessons"], start=1)])
        for position, question in enumerate(course.questions, start=1):
            question_id = connection.execute(questions.insert().values(
                edition_id=edition_id, key=question.key, position=position, kind=question.kind,
                topic_en=question.topic["en"], topic_fr=question.topic["fr"], text_en=question.text["en"],
                text_fr=question.text["fr"], feedback_en=question.feedback.get("en", ""),
                feedback_fr=question.feedback.get("fr", "")).returning(questions.c.id)).scalar_one()
            connection.execute(options.insert(), [
                {"question_id": question_id, "position": index, "text_en": option.text["en"],
                 "text_fr": option.text["fr"], "correct": option.correct}
                for index, option in enumerate(question.options, start=1)])


def downgrade() -> None:
    for table in ("options", "questions", "lessons", "modules"):
        op.execute(f"DELETE FROM {table}")
    op.execute("DELETE FROM editions WHERE number = 1 AND sample_content")
