"""The notifications service's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "notifications.sweep_outbox": {"task": "notifications.sweep_outbox", "schedule": timedelta(seconds=10),
                                   "options": {"expires": 10}},
    "notifications.send_pending": {"task": "notifications.send_pending", "schedule": timedelta(seconds=30),
                                   "options": {"expires": 30}},
}
