"""The courses worker's periodic tasks; each takes an optional ``now`` (ISO instant) so tests can move the clock."""
from __future__ import annotations

from celery import Celery

from common.clock import parse_instant
from services.courses import access, attempts, certificates

CLOSE_ATTEMPTS_TASK = "courses.close_overdue_attempts"
EXPIRE_ACCESS_TASK = "courses.expire_ended_access"
REMIND_TASK = "courses.send_certificate_reminders"


def register_tasks(app: Celery) -> None:
    """The tasks use the app's runtime (``create_celery(..., open_runtime)``)."""
    @app.task(name=CLOSE_ATTEMPTS_TASK)
    def close_overdue_attempts(now: str | None = None) -> int:
        """Submit and grade every attempt whose deadline (and grace) has passed, whether or not anyone watches."""
        service, moment = app.runtime(), parse_instant(now)
        timing = attempts.Timing(service.settings.exam_grace_seconds)
        with service.db.reading() as session:
            due = attempts.overdue_attempts(session, moment, timing, service.settings.courses_sweep_batch_size)
        for attempt_id in due:  # one transaction each: one candidate's grading never waits on another's
            with service.db.unit_of_work() as session:
                attempts.submit(session, attempt_id, None, moment, by="deadline")
        return len(due)

    @app.task(name=EXPIRE_ACCESS_TASK)
    def expire_ended_access(now: str | None = None) -> int:
        """Enrolments not passed by the end of their access period end (course.access_expired)."""
        service = app.runtime()
        with service.db.unit_of_work() as session:
            return access.expire_ended_access(session, parse_instant(now), service.settings.courses_sweep_batch_size)

    @app.task(name=REMIND_TASK)
    def send_certificate_reminders(now: str | None = None) -> int:
        """certificate.expiring at each reminder point before a valid certificate's expiry, once each."""
        service = app.runtime()
        with service.db.unit_of_work() as session:
            return certificates.due_reminders(session, parse_instant(now), service.settings.certificate_reminder_days,
                                              service.settings.courses_sweep_batch_size)
