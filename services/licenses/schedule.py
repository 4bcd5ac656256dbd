"""The licenses service's periodic tasks, sent by the one scheduler to this service's queue.

A task message expires before the next one is due, so a stopped worker does not find a pile of them on return.
"""
from datetime import timedelta

FIVE_MINUTES = 300

SCHEDULE = {
    "licenses.sweep_outbox": {"task": "licenses.sweep_outbox", "schedule": timedelta(seconds=10),
                              "options": {"expires": 10}},
    "licenses.send_reminders": {"task": "licenses.send_reminders", "schedule": timedelta(seconds=FIVE_MINUTES),
                                "options": {"expires": FIVE_MINUTES}},
    "licenses.expire_licenses": {"task": "licenses.expire_licenses", "schedule": timedelta(seconds=FIVE_MINUTES),
                                 "options": {"expires": FIVE_MINUTES}},
    "licenses.forget_claim_failures": {"task": "licenses.forget_claim_failures",
                                       "schedule": timedelta(hours=1), "options": {"expires": 3600}},
}
