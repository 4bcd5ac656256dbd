"""Starting the orders worker's tasks from the API process (a Celery app used only to send, built on first use)."""
from __future__ import annotations

import uuid
from functools import lru_cache

from celery import Celery

from common.celery_app import create_celery
from services.orders.settings import get_settings

CAPTURE_TASK = "orders.capture_approved_order"
RECONCILE_TASK = "orders.reconcile_payments"


@lru_cache
def task_sender() -> Celery:
    return create_celery("orders", get_settings())


def enqueue_capture(order_id: uuid.UUID) -> None:
    task_sender().send_task(CAPTURE_TASK, args=[str(order_id)])
