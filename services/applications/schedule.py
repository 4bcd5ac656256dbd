"""The applications service's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "applications.sweep_outbox": {"task": "applications.sweep_outbox", "schedule": timedelta(seconds=10),
                                  "options": {"expires": 10}},
    "applications.purge_documents": {"task": "applications.purge_documents", "schedule": timedelta(hours=1),
                                     "options": {"expires": 3600}},
}
