"""Every event type: its version, producer, consumers and schema. The topology and the docs table follow from it."""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from common.events import schemas
from common.events.envelope import InvalidEvent


@dataclass(frozen=True)
class EventSpec:
    type: str
    version: int
    producer: str
    consumers: tuple[str, ...]
    schema: type[BaseModel]
    meaning: str


CATALOG: dict[str, EventSpec] = {
    spec.type: spec
    for spec in (
        EventSpec("company.registered", 1, "web", ("notifications",), schemas.CompanyProfile,
                  "A company representative created a profile."),
        EventSpec("company.updated", 1, "web", ("notifications",), schemas.CompanyProfile,
                  "A company's profile or its representative's contact details changed."),
        EventSpec("user.password_reset_requested", 1, "web", ("notifications",), schemas.PasswordResetRequested,
                  "Someone asked for a password reset link for an existing account."),
        EventSpec("order.paid", 1, "orders", ("licenses", "notifications"), schemas.OrderPaid,
                  "PayPal captured the full amount of an order, checked against what was asked."),
        EventSpec("licenses.issued", 1, "licenses", ("notifications",), schemas.LicensesIssued,
                  "Every code of a paid order exists and can be handed out."),
    )
}


def spec_for(event_type: str) -> EventSpec:
    try:
        return CATALOG[event_type]
    except KeyError:
        raise InvalidEvent(f"unknown event type {event_type!r}") from None


def consumed_by(service: str) -> list[str]:
    return sorted(spec.type for spec in CATALOG.values() if service in spec.consumers)


def consumer_services() -> list[str]:
    return sorted({service for spec in CATALOG.values() for service in spec.consumers})
