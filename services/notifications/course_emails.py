"""The e-mails about an employee's course and exam: to the employee, linking to their course page, and to their
company, linking to MANAGE LICENSES.

The employee is told their score and the pass mark; the company only whether they passed. A score is the
employee's own result, and the company needs no more than pass or fail to plan its work (and never sees answers).
Keys name the enrolment or the graded attempt, so a redelivered or republished event is one e-mail.
"""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from common.events.schemas import EnrolmentChange, ExamResult
from services.notifications.employee_emails import queue_to_employee
from services.notifications.employer_emails import queue_to_company
from services.notifications.models import CompanyContact, EmployeeContact
from services.notifications.recipients import COURSE_PAGE


def was_last_attempt(result: ExamResult) -> bool:
    """A failed attempt that used the last one allowed: courses then publishes exam.attempts_exhausted too, in the
    same transaction and from the same figures, and that event's e-mail tells the result and what to do next."""
    return not result.passed and result.attempts_used >= result.attempts_allowed


def _enrolment(change: EnrolmentChange) -> dict:
    return {"certification": change.certification.model_dump(mode="json"),
            "access_ends_at": change.access_ends_at.isoformat()}


def _score(result: ExamResult) -> dict:
    return {"score_percent": str(result.score_percent), "pass_mark_percent": result.pass_mark_percent}


def _to_employee(session: Session, contact: EmployeeContact, key: str, template: str, event_id: uuid.UUID,
                 **context) -> bool:
    return queue_to_employee(session, contact, key, template, event_id, page=COURSE_PAGE, **context)


def queue_course_opened(session: Session, contact: EmployeeContact, change: EnrolmentChange,
                        event_id: uuid.UUID) -> bool:
    # Keyed by the license, as when license.redeemed sent it: one course-access e-mail per license, whichever
    # event carried it (courses opens one enrolment per license).
    return _to_employee(session, contact, f"course_access_open:{change.license_id}", "course_access_open", event_id,
                        **_enrolment(change))


def queue_exam_open(session: Session, contact: EmployeeContact, change: EnrolmentChange, event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"exam_open:{change.enrolment_id}", "exam_open", event_id,
                        attempts_allowed=change.attempts_allowed, **_enrolment(change))


def queue_exam_passed(session: Session, contact: EmployeeContact, result: ExamResult, event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"exam_passed:{result.attempt_id}", "exam_passed", event_id,
                        **_score(result), **_enrolment(result))


def queue_exam_failed(session: Session, contact: EmployeeContact, result: ExamResult, event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"exam_failed:{result.attempt_id}", "exam_failed", event_id,
                        attempts_used=result.attempts_used, attempts_allowed=result.attempts_allowed,
                        attempts_left=max(0, result.attempts_allowed - result.attempts_used),
                        next_attempt_at=result.next_attempt_at and result.next_attempt_at.isoformat(),
                        **_score(result), **_enrolment(result))


def queue_attempts_exhausted(session: Session, contact: EmployeeContact, result: ExamResult,
                             event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"attempts_exhausted:{result.attempt_id}", "exam_attempts_exhausted",
                        event_id, attempt_number=result.attempt_number, attempts_allowed=result.attempts_allowed,
                        **_score(result), **_enrolment(result))


def queue_attempt_granted(session: Session, contact: EmployeeContact, change: EnrolmentChange,
                          event_id: uuid.UUID) -> bool:
    # One e-mail per grant: each grant raises attempts_allowed by one.
    return _to_employee(session, contact, f"attempt_granted:{change.enrolment_id}:{change.attempts_allowed}",
                        "exam_attempt_granted", event_id,
                        attempts_left=max(0, change.attempts_allowed - change.attempts_used), **_enrolment(change))


def queue_access_expired(session: Session, contact: EmployeeContact, change: EnrolmentChange,
                         event_id: uuid.UUID) -> bool:
    return _to_employee(session, contact, f"access_expired:{change.enrolment_id}", "course_access_expired",
                        event_id, **_enrolment(change))


def queue_employee_completed_course(session: Session, company: CompanyContact, employee: EmployeeContact,
                                    change: EnrolmentChange, event_id: uuid.UUID) -> bool:
    return queue_to_company(session, company, employee, f"course_completed:{change.enrolment_id}",
                            "employee_completed_course", event_id, lessons_total=change.lessons_total,
                            **_enrolment(change))


def queue_employee_passed(session: Session, company: CompanyContact, employee: EmployeeContact, result: ExamResult,
                          event_id: uuid.UUID) -> bool:
    # No score: see the module's docstring.
    return queue_to_company(session, company, employee, f"exam_passed:{result.attempt_id}", "employee_passed_exam",
                            event_id, **_enrolment(result))


def queue_employee_failed(session: Session, company: CompanyContact, employee: EmployeeContact, result: ExamResult,
                          event_id: uuid.UUID) -> bool:
    # Which attempt of how many, not the score: see the module's docstring.
    return queue_to_company(session, company, employee, f"exam_failed:{result.attempt_id}", "employee_failed_exam",
                            event_id, attempt_number=result.attempt_number, attempts_allowed=result.attempts_allowed,
                            **_enrolment(result))


def queue_employee_out_of_attempts(session: Session, company: CompanyContact, employee: EmployeeContact,
                                   result: ExamResult, event_id: uuid.UUID) -> bool:
    return queue_to_company(session, company, employee, f"attempts_exhausted:{result.attempt_id}",
                            "employee_out_of_attempts", event_id, attempts_allowed=result.attempts_allowed,
                            **_enrolment(result))


def queue_employee_access_expired(session: Session, company: CompanyContact, employee: EmployeeContact,
                                  change: EnrolmentChange, event_id: uuid.UUID) -> bool:
    return queue_to_company(session, company, employee, f"access_expired:{change.enrolment_id}",
                            "employee_access_expired", event_id, **_enrolment(change))


def queue_employee_attempt_granted(session: Session, company: CompanyContact, employee: EmployeeContact,
                                   change: EnrolmentChange, event_id: uuid.UUID) -> bool:
    return queue_to_company(session, company, employee,
                            f"attempt_granted:{change.enrolment_id}:{change.attempts_allowed}",
                            "employee_attempt_granted", event_id, **_enrolment(change))
