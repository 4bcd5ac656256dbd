"""The course as the employee reads it: modules and lessons in their language, progress saved per lesson, and the
course complete (the exam open) once every lesson is done."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import insert_ignoring_conflicts
from common.markdown import render
from common.refusals import Conflict, NotFound
from services.courses.enrolling import announce, employee_enrolment, lesson_counts, lock_enrolment
from services.courses.models import Enrolment, EnrolmentStatus, Lesson, LessonProgress


def text(item: object, field: str, language: str) -> str:
    """The item's text in the language, English until a translation exists."""
    return getattr(item, f"{field}_{'fr' if language == 'fr' else 'en'}")


def done_lessons(session: Session, enrolment: Enrolment) -> dict[int, datetime]:
    return dict(session.execute(select(LessonProgress.lesson_id, LessonProgress.completed_at)
                                .where(LessonProgress.enrolment_id == enrolment.id)).all())


def course_outline(session: Session, enrolment: Enrolment, language: str) -> dict:
    done = done_lessons(session, enrolment)
    modules, next_lesson = [], None
    for module in enrolment.edition.modules:
        lessons = []
        for lesson in module.lessons:
            lessons.append({"key": lesson.key, "title": text(lesson, "title", language), "minutes": lesson.minutes,
                            "done": lesson.id in done})
            if next_lesson is None and lesson.id not in done:
                next_lesson = lesson.key
        modules.append({"key": module.key, "title": text(module, "title", language), "lessons": lessons})
    total = sum(len(module["lessons"]) for module in modules)
    return {"modules": modules, "lessons_done": len(done), "lessons_total": total, "next_lesson": next_lesson,
            "sample_content": enrolment.edition.sample_content}


def _lesson(enrolment: Enrolment, key: str) -> tuple[Lesson, Lesson | None, Lesson | None]:
    lessons = [lesson for module in enrolment.edition.modules for lesson in module.lessons]
    for index, lesson in enumerate(lessons):
        if lesson.key == key:
            return lesson, lessons[index - 1] if index else None, lessons[index + 1] if index + 1 < len(lessons) else None
    raise NotFound("not_found")


def lesson_page(session: Session, enrolment: Enrolment, key: str, language: str) -> dict:
    lesson, previous, following = _lesson(enrolment, key)
    module = next(module for module in enrolment.edition.modules if module.id == lesson.module_id)
    done = done_lessons(session, enrolment)
    return {"key": lesson.key, "title": text(lesson, "title", language), "minutes": lesson.minutes,
            "module_title": text(module, "title", language), "body_html": render(text(lesson, "body", language)),
            "done": lesson.id in done,
            "previous": previous and {"key": previous.key, "title": text(previous, "title", language)},
            "next": following and {"key": following.key, "title": text(following, "title", language)}}


def require_access(enrolment: Enrolment, now: datetime) -> None:
    if enrolment.status == EnrolmentStatus.ACCESS_EXPIRED or now >= enrolment.access_ends_at:
        raise Conflict("access_ended", {"access_ends_at": enrolment.access_ends_at.isoformat()})


def complete_lesson(session: Session, enrolment_id: uuid.UUID, employee_id: uuid.UUID, key: str,
                    now: datetime) -> bool:
    """Record the lesson done; the lesson that finishes the course opens the exam, once. True if newly done."""
    employee_enrolment(session, enrolment_id, employee_id)
    # The enrolment row is the lock: two lessons finished at once are counted one after the other, so the one
    # that completes the course sees the other, and only one of them announces it.
    enrolment = lock_enrolment(session, enrolment_id)
    require_access(enrolment, now)
    lesson, _, _ = _lesson(enrolment, key)
    added = insert_ignoring_conflicts(session, LessonProgress, {"enrolment_id": enrolment.id, "lesson_id": lesson.id,
                                                                "completed_at": now}) == 1
    done, total = lesson_counts(session, enrolment)
    if enrolment.course_completed_at is None and done >= total:
        enrolment.course_completed_at = now
        enrolment.status = EnrolmentStatus.EXAM_OPEN
        announce(session, "course.completed", enrolment, now)
    return added
