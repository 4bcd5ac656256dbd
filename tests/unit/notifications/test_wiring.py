"""The worker listens to exactly the events the catalogue says notifications consumes, and owns its schedule."""
from datetime import timedelta

from common.events.catalog import consumed_by
from services.notifications.handlers import handlers
from services.notifications.recipients import with_portal_addresses
from services.notifications.schedule import SCHEDULE
from services.notifications.sending import retry_delay
from services.notifications.settings import Settings


def test_handled_event_types_match_the_catalogue():
    assert handlers.handled_types() == consumed_by("notifications") == [
        "application.approved", "application.documents_requested", "application.refused", "application.submitted",
        "certificate.expiring", "certificate.issued", "certificate.reinstated", "certificate.revoked",
        "certificate.suspended", "company.registered", "company.updated", "course.access_expired", "course.completed",
        "course.opened", "employee.registered", "employee.updated", "exam.attempt_granted", "exam.attempts_exhausted", "exam.failed",
        "exam.passed", "license.claimed", "license.eligible", "license.expired", "license.expiring", "license.redeemed",
        "license.reinstated", "license.released", "licenses.issued", "order.paid", "user.confirmation_requested",
        "user.email_changed", "user.login_attempts_suspected", "user.password_changed", "user.password_reset_requested",
        "user.registration_attempted"]


def test_each_handler_runs_as_its_own_task_name():
    """The employee and the company each get their own handler where both are told, and no two share a name."""
    names = [handlers.task_name(function) for functions in handlers.by_type.values() for function in functions]
    assert len(names) == len(set(names))
    assert len(handlers.by_type["license.expiring"]) == len(handlers.by_type["application.refused"]) == 2


def test_pending_mail_is_swept_every_thirty_seconds_and_stale_sweeps_expire():
    entry = SCHEDULE["notifications.send_pending"]
    assert entry["task"] == "notifications.send_pending"
    assert entry["schedule"] == timedelta(seconds=30)
    assert entry["options"]["expires"] <= 30
    assert SCHEDULE["notifications.sweep_outbox"]["task"] == "notifications.sweep_outbox"


def test_retry_delays_grow_exponentially_up_to_the_cap():
    settings = Settings(email_retry_base_seconds=2, email_retry_max_seconds=600)
    for attempts, ceiling in ((1, 2), (2, 4), (3, 8), (9, 512), (10, 600), (30, 600)):
        delay = retry_delay(attempts, settings)
        assert ceiling / 2 <= delay <= ceiling


def test_settings_read_the_environment_with_local_defaults(monkeypatch):
    for name in ("WSCC_SMTP_HOST", "WSCC_SMTP_PORT", "WSCC_PUBLIC_URL", "WSCC_SMTP_USERNAME"):
        monkeypatch.delenv(name, raising=False)
    defaults = Settings()
    assert (defaults.smtp_host, defaults.smtp_port, defaults.smtp_username, defaults.smtp_starttls) == (
        "127.0.0.1", 1025, "", False)
    assert defaults.public_url == "http://127.0.0.1:5000"
    monkeypatch.setenv("WSCC_SMTP_PORT", "2525")
    monkeypatch.setenv("WSCC_PUBLIC_URL", "https://licences.wscc.nt.ca/")
    monkeypatch.setenv("WSCC_NOTIFICATIONS_DATABASE_URL", "postgresql+psycopg://db/notifications")
    configured = Settings()
    assert configured.smtp_port == 2525
    assert configured.public_url == "https://licences.wscc.nt.ca"
    assert configured.database_url == "postgresql+psycopg://db/notifications"


def test_a_portal_page_is_stored_as_its_path_and_written_with_the_portals_address():
    stored = {"licenses_url": "/licenses", "receipt_url": "https://old.example/orders/1/receipt", "note": "/not-a-url"}
    assert with_portal_addresses(stored, "https://licences.wscc.nt.ca") == {
        "licenses_url": "https://licences.wscc.nt.ca/licenses",
        "receipt_url": "https://old.example/orders/1/receipt",  # stored whole by an earlier release: kept
        "note": "/not-a-url"}
