"""What the licenses service does when other services' events arrive."""
from sqlalchemy.orm import Session

from common.events import Event
from common.events.schemas import OrderPaid
from common.handlers import EventHandlers
from services.licenses.issuing import issue_licenses

handlers = EventHandlers("licenses")


@handlers.on("order.paid")
def issue_licenses_for_paid_order(session: Session, event: Event) -> None:
    """A paid order gets exactly its quantity of codes."""
    issue_licenses(session, OrderPaid.model_validate(event.data), cause=f"event order.paid {event.id}")
