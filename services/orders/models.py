"""The orders service's tables: orders, the log of PayPal interactions, PayPal webhook events, outbox and inbox."""
from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from common.tables import service_tables


Base, Outbox, Inbox = service_tables()


class OrderStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    PAYMENT_PENDING = "payment_pending"
    PAID = "paid"
    HELD = "held"
    DROPPED = "dropped"
    EXPIRED = "expired"


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_company_created", "company_id", "created_at"),
        Index("ix_orders_status_checkout", "status", "paypal_order_created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    company_id: Mapped[uuid.UUID]
    quantity: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.AWAITING_PAYMENT)
    # The company's billing details as they were when the order was placed (the receipt shows these).
    billing: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    paypal_order_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    paypal_approve_url: Mapped[str | None] = mapped_column(String(1000))
    paypal_order_created_at: Mapped[datetime | None]
    # Bumped after a decline or a replaced PayPal order, so the next PayPal-Request-Id is new (a retry after a
    # crash or timeout keeps the same one, and PayPal replays instead of charging twice).
    payment_round: Mapped[int] = mapped_column(default=0)
    paypal_capture_id: Mapped[str | None] = mapped_column(String(36), index=True)
    payer_id: Mapped[str | None] = mapped_column(String(20))
    payer_email: Mapped[str | None] = mapped_column(String(254))
    payer_name: Mapped[str | None] = mapped_column(String(200))
    payment_error: Mapped[str | None] = mapped_column(String(40))
    hold_reason: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    paid_at: Mapped[datetime | None]
    # When reconciliation last asked PayPal about this order (it asks at most once per reconcile interval).
    reconciled_at: Mapped[datetime | None]


class PayPalInteraction(Base):
    """Every call to PayPal and every webhook that touched an order, with what came of it (for support)."""

    __tablename__ = "paypal_interactions"

    # BIGINT on PostgreSQL; SQLite only auto-increments a plain INTEGER primary key.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    order_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(40))
    paypal_order_id: Mapped[str | None] = mapped_column(String(36))
    paypal_request_id: Mapped[str | None] = mapped_column(String(108))
    outcome: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime]


class PayPalWebhookEvent(Base):
    """PayPal webhook events already handled: PayPal retries and replays, each event counts once."""

    __tablename__ = "paypal_webhook_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(80))
    resource_id: Mapped[str | None] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime]
