"""The courses worker handles exactly the events the catalogue names and registers its periodic tasks."""
from celery import Celery

from common.events.catalog import consumed_by
from services.courses.handlers import handlers
from services.courses.schedule import SCHEDULE
from services.courses.tasks import register_tasks


def test_handled_event_types_match_the_catalogue():
    assert handlers.handled_types() == consumed_by("courses") == [
        "employee.registered", "employee.updated", "license.redeemed"]


def test_every_scheduled_task_is_registered_and_expires_before_the_next_is_sent():
    app = Celery("wiring-check", set_as_current=False)
    register_tasks(app)
    for name, entry in SCHEDULE.items():
        assert entry["task"] == name
        assert name in app.tasks or name == "courses.sweep_outbox"
        assert entry["options"]["expires"] <= entry["schedule"].total_seconds()
