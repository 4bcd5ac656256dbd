"""The courses service's periodic tasks, sent by the one scheduler to this service's queue."""
from datetime import timedelta

SCHEDULE = {
    "courses.sweep_outbox": {"task": "courses.sweep_outbox", "schedule": timedelta(seconds=10),
                             "options": {"expires": 10}},
    # Often: a candidate whose time ran out with the tab closed sees the result within a minute.
    "courses.close_overdue_attempts": {"task": "courses.close_overdue_attempts", "schedule": timedelta(seconds=30),
                                       "options": {"expires": 30}},
    "courses.expire_ended_access": {"task": "courses.expire_ended_access", "schedule": timedelta(minutes=10),
                                    "options": {"expires": 600}},
    "courses.send_certificate_reminders": {"task": "courses.send_certificate_reminders",
                                           "schedule": timedelta(hours=1), "options": {"expires": 3600}},
}
