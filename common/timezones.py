"""Local time where WSCC works, from one set of zone rules for every service.

The rules bundled with pytz, which Flask-Babel's date filters use too: the machine's own tzdata may be older and
disagree (America/Yellowknife changed in 2026), and a deadline must read the same in a page and in an e-mail.
"""
from __future__ import annotations

from datetime import date, datetime, time, tzinfo

import pytz


def display_zone(name: str) -> tzinfo:
    return pytz.timezone(name)


def end_of_local_day(day: date, zone_name: str) -> datetime:
    """The last second of ``day`` in that zone, as an aware instant."""
    return pytz.timezone(zone_name).localize(datetime.combine(day, time(23, 59, 59)))
