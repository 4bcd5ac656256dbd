"""Raw baselines measured in the same run as each benchmark, on the same broker and database."""
from __future__ import annotations

import statistics
import time
import uuid
from datetime import UTC, datetime

from kombu import Connection, Exchange, Queue
from sqlalchemy import insert, text

from common.db import Database
from services.licenses.codes import generate_code
from services.licenses.models import License


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def kombu_round_trip_ms(broker_url: str, count: int = 200) -> dict:
    """Publish one persistent, confirmed message and consume it, `count` times: the broker's floor."""
    exchange = Exchange("bench.baseline", type="direct", durable=False, auto_delete=True)
    queue = Queue(f"bench.baseline.{uuid.uuid4().hex[:8]}", exchange, routing_key="ping", auto_delete=True)
    samples = []
    with Connection(broker_url, transport_options={"confirm_publish": True}) as connection:
        producer = connection.Producer(serializer="json")
        bound = queue(connection.default_channel)
        bound.declare()
        for _ in range(count):
            started = time.perf_counter()
            producer.publish({"ping": 1}, exchange=exchange, routing_key="ping", delivery_mode=2,
                             declare=[queue])
            while bound.get(no_ack=True) is None:  # basic.get until the message is back: one round trip each
                pass
            samples.append((time.perf_counter() - started) * 1000)
        bound.delete()
    return {"p50_ms": statistics.median(samples), "p99_ms": percentile(samples, 0.99)}


def bulk_insert_rows_per_second(database_url: str, rows: int) -> float:
    """INSERT `rows` license rows in one statement and transaction (rolled back): the database's floor."""
    database = Database(database_url)
    now = datetime.now(UTC)
    company, order = uuid.uuid4(), uuid.uuid4()
    values = [{"id": uuid.uuid4(), "code": generate_code(), "company_id": company, "order_id": order,
               "order_number": "BENCH", "ordinal": ordinal, "status": "available", "issued_at": now,
               "updated_at": now} for ordinal in range(1, rows + 1)]
    with database.engine.connect() as connection:
        transaction = connection.begin()
        started = time.perf_counter()
        connection.execute(insert(License), values)
        connection.execute(text("SELECT 1"))
        elapsed = time.perf_counter() - started
        transaction.rollback()
    database.dispose()
    return rows / elapsed
