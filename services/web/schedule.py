"""The web's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "web.sweep_outbox": {"task": "web.sweep_outbox", "schedule": timedelta(seconds=10), "options": {"expires": 10}},
    "web.purge_sessions": {"task": "web.purge_sessions", "schedule": timedelta(hours=1), "options": {"expires": 3600}},
}
