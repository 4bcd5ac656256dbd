"""The licenses worker's periodic tasks; each takes an optional ``now`` (ISO instant) so tests can move the clock."""
from __future__ import annotations

from celery import Celery

from common.clock import parse_instant
from common.runtime import ServiceRuntime
from services.licenses import sweeps, throttling
from services.licenses.settings import Settings

FORGET_FAILURES_TASK = "licenses.forget_claim_failures"


def register_tasks(app: Celery) -> None:
    """The tasks use the app's runtime (``create_celery(..., open_runtime)``)."""
    @app.task(name=sweeps.REMIND_TASK)
    def send_reminders(now: str | None = None) -> int:
        """license.expiring for each eligible license at its latest reminder point not yet sent."""
        service: ServiceRuntime[Settings] = app.runtime()
        return sweeps.send_due_reminders(service.db, parse_instant(now), service.settings.license_reminder_days,
                                         service.settings.license_sweep_batch_size)

    @app.task(name=sweeps.EXPIRE_TASK)
    def expire_licenses(now: str | None = None) -> int:
        """Eligible licenses past their deadline expire (license.expired)."""
        service: ServiceRuntime[Settings] = app.runtime()
        return sweeps.expire_due_licenses(service.db, parse_instant(now), service.settings.license_sweep_batch_size)

    @app.task(name=FORGET_FAILURES_TASK)
    def forget_claim_failures(now: str | None = None) -> int:
        """Failed claims older than the throttling windows count for nothing: delete them."""
        service: ServiceRuntime[Settings] = app.runtime()
        return throttling.forget_old_failures(service.db, parse_instant(now),
                                              throttling.longest_window(service.settings))
