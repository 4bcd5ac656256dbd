"""Time in one place, always timezone-aware UTC; periodic work takes ``now`` as an argument so tests move the clock."""
from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_instant(value: str | datetime | None) -> datetime:
    """Read an optional ISO instant passed to a task; ``None`` means now."""
    if value is None:
        return utcnow()
    instant = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)
