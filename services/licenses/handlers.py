"""What the licenses service does when other services' events arrive: issue paid codes, follow each employee's
progress, and make an approved employee's license eligible."""
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events import Event
from common.events.schemas import (ApplicationApproved, ApplicationChange, ApplicationRefused, CertificateChange,
                                   EmployeeProfile, EnrolmentChange, ExamResult, IntroCourseCompleted, OrderPaid)
from common.handlers import EventHandlers
from services.licenses import course_progress, employees
from services.licenses.eligibility import make_eligible
from services.licenses.employees import Decision, Progress
from services.licenses.history import Cause
from services.licenses.issuing import issue_licenses

handlers = EventHandlers("licenses")


@handlers.on("order.paid")
def issue_licenses_for_paid_order(session: Session, paid: OrderPaid, event: Event) -> None:
    """A paid order gets exactly its quantity of codes."""
    issue_licenses(session, paid, cause=f"event order.paid {event.id}")


@handlers.on("employee.registered")
def follow_registered_employee(session: Session, profile: EmployeeProfile, event: Event) -> None:
    employee = employees.lock(session, profile.employee_id)
    employees.record_profile(employee, profile.name, profile.language, event.occurred_at)
    employees.record_progress(employee, Progress.REGISTERED, event.occurred_at)


@handlers.on("employee.updated")
def follow_employee_profile(session: Session, profile: EmployeeProfile, event: Event) -> None:
    employees.record_profile(employees.lock(session, profile.employee_id), profile.name, profile.language,
                             event.occurred_at)


@handlers.on("intro_course.completed")
def follow_intro_course(session: Session, completed: IntroCourseCompleted, event: Event) -> None:
    employees.record_progress(employees.lock(session, completed.employee_id), Progress.INTRO_COURSE_DONE,
                              completed.completed_at)


def _follow_application(session: Session, change: ApplicationChange, progress: Progress) -> None:
    employees.record_progress(employees.lock(session, change.employee_id), progress, change.at,
                              change.certification.model_dump())


@handlers.on("application.submitted")
def follow_submitted_application(session: Session, change: ApplicationChange, event: Event) -> None:
    _follow_application(session, change, Progress.APPLICATION_SUBMITTED)


@handlers.on("application.review_started")
def follow_application_review(session: Session, change: ApplicationChange, event: Event) -> None:
    _follow_application(session, change, Progress.UNDER_REVIEW)


@handlers.on("application.documents_requested")
def follow_documents_request(session: Session, change: ApplicationChange, event: Event) -> None:
    _follow_application(session, change, Progress.DOCUMENTS_REQUESTED)


@handlers.on("application.approved")
def make_approved_employees_license_eligible(session: Session, approval: ApplicationApproved,
                                             event: Event) -> None:
    """The approval's deadline goes to the employee's claimed license, or to the code they enter later."""
    certification = approval.certification.model_dump()
    employee = employees.lock(session, approval.employee_id)
    employees.record_progress(employee, Progress.APPROVED, approval.approved_at, certification)
    employees.record_decision(employee, Decision.APPROVED, approval.approved_at, approval.application_id,
                              certification, approval.redeem_by)
    make_eligible(session, employee, Cause.event(event), utcnow())


@handlers.on("application.refused")
def follow_refusal(session: Session, refusal: ApplicationRefused, event: Event) -> None:
    """A refused employee's code becomes releasable by the company."""
    certification = refusal.certification.model_dump()
    employee = employees.lock(session, refusal.employee_id)
    employees.record_progress(employee, Progress.REFUSED, refusal.refused_at, certification)
    employees.record_decision(employee, Decision.REFUSED, refusal.refused_at, refusal.application_id,
                              certification)


def _follow_course(session: Session, change: EnrolmentChange, event: Event) -> None:
    course_progress.follow(session, event.type, change, Cause.event(event))


@handlers.on("course.opened")
def follow_course_opened(session: Session, change: EnrolmentChange, event: Event) -> None:
    """The redeemed license's course is open: the company sees "in the course"."""
    _follow_course(session, change, event)


@handlers.on("course.completed")
def follow_course_completed(session: Session, change: EnrolmentChange, event: Event) -> None:
    _follow_course(session, change, event)


@handlers.on("course.access_expired")
def finish_on_access_expired(session: Session, change: EnrolmentChange, event: Event) -> None:
    """Access ended before a pass: the license is finished, and its employee may hold another code."""
    _follow_course(session, change, event)


@handlers.on("exam.attempt_granted")
def reopen_on_attempt_granted(session: Session, change: EnrolmentChange, event: Event) -> None:
    """Another attempt after the last failed: the license the course and exam go on with is redeemed again."""
    _follow_course(session, change, event)


@handlers.on("exam.passed")
def follow_exam_passed(session: Session, result: ExamResult, event: Event) -> None:
    _follow_course(session, result, event)


@handlers.on("exam.failed")
def follow_exam_failed(session: Session, result: ExamResult, event: Event) -> None:
    _follow_course(session, result, event)


@handlers.on("exam.attempts_exhausted")
def finish_on_attempts_exhausted(session: Session, result: ExamResult, event: Event) -> None:
    """No attempt left: the license is finished (an administrator may still grant one in the courses service)."""
    _follow_course(session, result, event)


def _follow_certificate(session: Session, certificate: CertificateChange, event: Event) -> None:
    course_progress.follow_certificate(session, event.type, certificate, Cause.event(event))


@handlers.on("certificate.issued")
def finish_on_certificate_issued(session: Session, certificate: CertificateChange, event: Event) -> None:
    """Certified: the company sees the number and expiry, and the license is finished."""
    _follow_certificate(session, certificate, event)


@handlers.on("certificate.suspended")
def follow_certificate_suspended(session: Session, certificate: CertificateChange, event: Event) -> None:
    _follow_certificate(session, certificate, event)


@handlers.on("certificate.reinstated")
def follow_certificate_reinstated(session: Session, certificate: CertificateChange, event: Event) -> None:
    _follow_certificate(session, certificate, event)


@handlers.on("certificate.revoked")
def follow_certificate_revoked(session: Session, certificate: CertificateChange, event: Event) -> None:
    _follow_certificate(session, certificate, event)
