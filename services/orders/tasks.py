"""The orders worker's own tasks: capture after PayPal's approval webhook, and periodic reconciliation."""
from __future__ import annotations

import uuid
from typing import Any

from celery import Celery
from sqlalchemy import select

from common.clock import parse_instant
from services.orders.capturing import capture_payment
from services.orders.dispatch import CAPTURE_TASK, RECONCILE_TASK
from services.orders.models import Order
from services.orders.outcomes import CaptureOutcome
from services.orders.reconciliation import reconcile_payments
from services.orders.runtime import OrdersRuntime

CAPTURE_RETRY_SECONDS = 15
CAPTURE_MAX_RETRIES = 8


def capture_order_now(runtime: OrdersRuntime, order_id: uuid.UUID, source: str) -> CaptureOutcome:
    with runtime.db.unit_of_work() as session:
        order = session.scalar(select(Order).where(Order.id == order_id).with_for_update())
        if order is None:
            return CaptureOutcome.UNKNOWN_ORDER
        return capture_payment(session, runtime.paypal, order, source)


def register_tasks(app: Celery) -> None:
    """The tasks use the app's runtime (``create_celery(..., open_runtime)``)."""
    @app.task(name=CAPTURE_TASK, bind=True, max_retries=CAPTURE_MAX_RETRIES)
    def capture_approved_order(self: Any, order_id: str) -> str:
        """The buyer approved at PayPal (webhook): capture now, whether or not the browser comes back."""
        outcome = capture_order_now(app.runtime(), uuid.UUID(order_id), "webhook")
        if outcome == CaptureOutcome.UNAVAILABLE:  # PayPal unreachable: try again; reconciliation is the last resort
            raise self.retry(countdown=CAPTURE_RETRY_SECONDS)
        return outcome

    @app.task(name=RECONCILE_TASK)
    def reconcile(now: str | None = None) -> dict[str, int]:
        """Capture approved orders nobody came back for, settle pending captures, expire abandoned orders."""
        runtime: OrdersRuntime = app.runtime()
        return reconcile_payments(runtime, runtime.paypal, parse_instant(now))
