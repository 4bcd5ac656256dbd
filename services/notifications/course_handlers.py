"""Events of an employee's course and exam: opened, completed, each graded attempt, out of attempts, out of time.
The employee and the company each have their own handler, so one not known yet does not hold up the other's e-mail
(RecipientNotKnownYet: the handler task retries until their profile event is handled).
"""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import EnrolmentChange, ExamResult
from common.handlers import EventHandlers
from services.notifications import course_emails
from services.notifications.contacts import company_contact, employee_contact

handlers = EventHandlers("notifications")


@handlers.on("course.opened")
def tell_employee_course_open(session: Session, change: EnrolmentChange, event: Event) -> None:
    """The employee's one course-access e-mail (license.redeemed tells only the company: it knows no end of access)."""
    course_emails.queue_course_opened(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("course.completed")
def open_exam_for_employee(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_exam_open(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("course.completed")
def tell_company_course_completed(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_employee_completed_course(session, company_contact(session, change.company_id),
                                                  employee_contact(session, change.employee_id), change, event.id)


@handlers.on("exam.passed")
def tell_employee_exam_passed(session: Session, result: ExamResult, event: Event) -> None:
    course_emails.queue_exam_passed(session, employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.passed")
def tell_company_exam_passed(session: Session, result: ExamResult, event: Event) -> None:
    course_emails.queue_employee_passed(session, company_contact(session, result.company_id),
                                        employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.failed")
def tell_employee_exam_failed(session: Session, result: ExamResult, event: Event) -> None:
    """Another attempt remains (or only time is short); a last attempt is told by exam.attempts_exhausted alone."""
    if course_emails.was_last_attempt(result):
        return
    course_emails.queue_exam_failed(session, employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.failed")
def tell_company_exam_failed(session: Session, result: ExamResult, event: Event) -> None:
    if course_emails.was_last_attempt(result):
        return
    course_emails.queue_employee_failed(session, company_contact(session, result.company_id),
                                        employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.attempts_exhausted")
def tell_employee_no_attempts_left(session: Session, result: ExamResult, event: Event) -> None:
    """The last attempt's result and what to do next, in one e-mail (exam.failed sends none for it)."""
    course_emails.queue_attempts_exhausted(session, employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.attempts_exhausted")
def tell_company_no_attempts_left(session: Session, result: ExamResult, event: Event) -> None:
    course_emails.queue_employee_out_of_attempts(session, company_contact(session, result.company_id),
                                                 employee_contact(session, result.employee_id), result, event.id)


@handlers.on("exam.attempt_granted")
def tell_employee_attempt_granted(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_attempt_granted(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("exam.attempt_granted")
def tell_company_attempt_granted(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_employee_attempt_granted(session, company_contact(session, change.company_id),
                                                 employee_contact(session, change.employee_id), change, event.id)


@handlers.on("course.access_expired")
def tell_employee_access_expired(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_access_expired(session, employee_contact(session, change.employee_id), change, event.id)


@handlers.on("course.access_expired")
def tell_company_access_expired(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_emails.queue_employee_access_expired(session, company_contact(session, change.company_id),
                                                employee_contact(session, change.employee_id), change, event.id)
