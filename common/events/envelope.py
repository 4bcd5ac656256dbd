"""The versioned, validated envelope of a domain event."""
from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from common.clock import utcnow
from common.logs import current_correlation_id


class InvalidEvent(ValueError):
    """A message that is not a well-formed event of a known type and version."""


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: uuid.UUID
    type: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    version: int = Field(ge=1)
    occurred_at: datetime
    correlation_id: str | None = Field(default=None, max_length=100)
    data: dict[str, Any]

    def as_message(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def payload(self) -> BaseModel:
        """The data as its type's catalogued schema (``OrderPaid`` for ``order.paid``)."""
        from common.events.catalog import spec_for

        return spec_for(self.type).schema.model_validate(self.data)


def new_event(event_type: str, data: BaseModel | dict[str, Any], *, occurred_at: datetime | None = None) -> Event:
    """Build an event of a catalogued type, validating its data against the type's schema."""
    from common.events.catalog import spec_for

    spec = spec_for(event_type)
    payload = data if isinstance(data, dict) else data.model_dump(mode="json")
    checked = spec.schema.model_validate(payload).model_dump(mode="json")
    return Event(
        id=uuid.uuid4(),
        type=event_type,
        version=spec.version,
        occurred_at=occurred_at or utcnow(),
        correlation_id=current_correlation_id(),
        data=checked,
    )


def parse_event(message: bytes | str | dict[str, Any]) -> Event:
    """Validate a received message: the envelope, then the data against its catalogued schema."""
    from common.events.catalog import spec_for

    try:
        body = json.loads(message) if isinstance(message, bytes | str) else message
        event = Event.model_validate(body)
        spec = spec_for(event.type)
        if event.version != spec.version:
            raise InvalidEvent(f"{event.type} version {event.version} is not handled (expects {spec.version})")
        spec.schema.model_validate(event.data)
    except (ValidationError, ValueError, TypeError, KeyError) as error:
        if isinstance(error, InvalidEvent):
            raise
        raise InvalidEvent(str(error)) from error
    return event
