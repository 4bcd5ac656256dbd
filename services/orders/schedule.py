"""The orders service's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "orders.sweep_outbox": {"task": "orders.sweep_outbox", "schedule": timedelta(seconds=10),
                            "options": {"expires": 10}},
    "orders.reconcile_payments": {"task": "orders.reconcile_payments", "schedule": timedelta(seconds=60),
                                  "options": {"expires": 60}},
}
