"""The web's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "web.sweep_outbox": {"task": "web.sweep_outbox", "schedule": timedelta(seconds=10), "options": {"expires": 10}},
}
