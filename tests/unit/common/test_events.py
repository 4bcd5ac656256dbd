import json
import uuid
from datetime import UTC, datetime

import pytest

from common.events import InvalidEvent, new_event, parse_event


def paid_data(**changes):
    data = {"order_id": str(uuid.uuid4()), "order_number": "WSCC-1", "company_id": str(uuid.uuid4()),
            "quantity": 7, "unit_price": "50.00", "total": "350.00", "currency": "CAD",
            "paypal_order_id": "X", "paypal_capture_id": "Y", "paid_at": datetime.now(UTC).isoformat()}
    return data | changes


def test_an_event_survives_the_wire_unchanged():
    event = new_event("order.paid", paid_data())
    assert parse_event(json.dumps(event.as_message()).encode()) == event
    assert event.version == 1 and event.type == "order.paid"


@pytest.mark.parametrize("message", [
    b"not json",
    {"type": "order.paid"},
    {"id": str(uuid.uuid4()), "type": "order.shipped", "version": 1, "occurred_at": "2026-01-01T00:00:00Z",
     "data": {}},
    {"id": str(uuid.uuid4()), "type": "order.paid", "version": 2, "occurred_at": "2026-01-01T00:00:00Z",
     "data": paid_data()},
    {"id": str(uuid.uuid4()), "type": "order.paid", "version": 1, "occurred_at": "2026-01-01T00:00:00Z",
     "data": paid_data(quantity="lots")},
    {"id": str(uuid.uuid4()), "type": "order.paid", "version": 1, "occurred_at": "2026-01-01T00:00:00Z",
     "data": paid_data(), "extra": 1},
])
def test_malformed_unknown_or_wrong_version_messages_are_refused(message):
    with pytest.raises(InvalidEvent):
        parse_event(message)


def test_a_producer_cannot_build_an_event_that_breaks_its_schema():
    with pytest.raises(ValueError):
        new_event("order.paid", paid_data(currency="dollars"))
