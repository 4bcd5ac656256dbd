"""The licenses service's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "licenses.sweep_outbox": {"task": "licenses.sweep_outbox", "schedule": timedelta(seconds=10),
                              "options": {"expires": 10}},
}
