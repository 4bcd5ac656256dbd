"""Starting the orders worker's tasks from another process (the API, a test): a Celery app used only to send."""
from __future__ import annotations

import threading
import uuid
from typing import Any

from celery import Celery

from common.celery_app import create_celery
from services.orders.settings import Settings

CAPTURE_TASK = "orders.capture_approved_order"
RECONCILE_TASK = "orders.reconcile_payments"


class TaskSender:
    """Part of the orders runtime; its Celery app (a pool of broker connections) is built on the first send."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._app: Celery | None = None
        self._lock = threading.Lock()

    def send(self, name: str, **options: Any) -> None:
        with self._lock:
            if self._app is None:
                self._app = create_celery("orders", self._settings)
        self._app.send_task(name, **options)

    def enqueue_capture(self, order_id: uuid.UUID) -> None:
        self.send(CAPTURE_TASK, args=[str(order_id)])

    def close(self) -> None:
        with self._lock:
            app, self._app = self._app, None
        if app is not None:
            app.close()
