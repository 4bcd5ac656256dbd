"""A license event without a field its e-mail cannot do without fails at once, saying which, instead of retrying."""
import uuid
from datetime import UTC, datetime

import pytest

from common.events import new_event
from common.handlers import PermanentEventError
from services.notifications.license_handlers import require


def expiring(**fields):
    return new_event("license.expiring", {"license_id": str(uuid.uuid4()), "company_id": str(uuid.uuid4()),
                                          "employee_id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(),
                                          **fields})


def test_missing_fields_are_named():
    with pytest.raises(PermanentEventError, match="lacks redeem_by, days_left"):
        event = expiring()
        require(event.payload(), event, "redeem_by", "days_left")


def test_an_event_with_its_fields_is_read():
    event = expiring(days_left=7, redeem_by="2026-06-13T21:05:00+00:00")
    change = event.payload()
    require(change, event, "redeem_by", "days_left")
    assert change.days_left == 7 and change.redeem_by == datetime(2026, 6, 13, 21, 5, tzinfo=UTC)
