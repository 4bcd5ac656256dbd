"""The licenses worker handles exactly the events the catalogue names, registers its periodic tasks, and reads its
throttling and sweep settings from the environment."""
from datetime import timedelta

from celery import Celery

from common.events.catalog import consumed_by
from services.licenses.handlers import handlers
from services.licenses.schedule import SCHEDULE
from services.licenses.settings import Settings
from services.licenses.tasks import register_tasks


def test_handled_event_types_match_the_catalogue():
    assert handlers.handled_types() == consumed_by("licenses") == [
        "application.approved", "application.documents_requested", "application.refused",
        "application.review_started", "application.submitted", "certificate.issued", "certificate.reinstated",
        "certificate.revoked", "certificate.suspended", "course.access_expired", "course.completed", "course.opened",
        "employee.registered", "employee.updated", "exam.attempt_granted", "exam.attempts_exhausted", "exam.failed", "exam.passed",
        "intro_course.completed", "order.paid"]


def test_every_scheduled_task_is_registered_and_expires_before_the_next_is_sent():
    app = Celery("wiring-check", set_as_current=False)
    register_tasks(app)
    for name, entry in SCHEDULE.items():
        assert entry["task"] == name
        assert name in app.tasks or name == "licenses.sweep_outbox"
        assert entry["options"]["expires"] <= entry["schedule"].total_seconds()
    assert SCHEDULE["licenses.expire_licenses"]["schedule"] <= timedelta(minutes=5)
    assert SCHEDULE["licenses.send_reminders"]["schedule"] <= timedelta(minutes=5)


def test_settings_read_the_environment_with_local_defaults(monkeypatch):
    for name in ("WSCC_CLAIM_MAX_FAILURES_PER_ACCOUNT", "WSCC_CLAIM_MAX_FAILURES_PER_ADDRESS",
                 "WSCC_CLAIM_FAILURE_WINDOW_SECONDS", "WSCC_CLAIM_ADDRESS_WINDOW_SECONDS", "WSCC_LICENSE_REMINDER_DAYS"):
        monkeypatch.delenv(name, raising=False)  # a test stack of the same session may have set them
    defaults = Settings()
    assert (defaults.claim_max_failures_per_account, defaults.claim_failure_window_seconds) == (10, 900)
    assert (defaults.claim_max_failures_per_address, defaults.claim_address_window_seconds) == (300, 3600)
    assert defaults.license_reminder_days == [30, 7, 1]
    monkeypatch.setenv("WSCC_LICENSE_REMINDER_DAYS", "[14, 3]")
    monkeypatch.setenv("WSCC_CLAIM_MAX_FAILURES_PER_ADDRESS", "50")
    configured = Settings()
    assert configured.license_reminder_days == [14, 3]
    assert configured.claim_max_failures_per_address == 50
