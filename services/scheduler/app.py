"""The one scheduler (celery beat): sends each service's periodic tasks to that service's queue.

Run exactly one: ``celery -A services.scheduler.app beat``. Flower uses this app too, to watch every worker.
"""
from importlib import import_module

from common.celery_app import create_celery
from services.scheduler.settings import Settings

SERVICES_WITH_SCHEDULES = ("web", "orders", "licenses", "applications", "courses", "notifications")


def collect_schedule() -> dict:
    schedule: dict = {}
    for service in SERVICES_WITH_SCHEDULES:
        schedule.update(import_module(f"services.{service}.schedule").SCHEDULE)
    return schedule


app = create_celery("scheduler", Settings())
app.conf.beat_schedule = collect_schedule()
