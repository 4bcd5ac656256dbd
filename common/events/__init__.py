"""Domain events: the envelope every message carries, and the catalogue of event types."""
from common.events.envelope import Event, InvalidEvent, new_event, parse_event

__all__ = ["Event", "InvalidEvent", "new_event", "parse_event"]
