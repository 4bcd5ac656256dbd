"""Local time where WSCC works, by one set of rules for every service (pages, e-mails, deadlines).

The Northwest Territories keep Mountain Time: UTC−7 (MST) in winter, UTC−6 (MDT) from the second Sunday of
March to the first Sunday of November, the clocks changing at 2:00 local time (Canada's rule since 2007).
These rules are written here rather than read from a time zone database, because the database is wrong for the
portal's zone: since tzdata 2023 America/Yellowknife is a link to America/Edmonton, and tzdata 2026f (pytz 2026.6)
moves Edmonton to UTC−6 all year from November 2026, which showed a December 19:56 UTC as "1:56 PM MST". A zone
name other than the NWT's is looked up in the system's database (``zoneinfo``).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

HOUR = timedelta(hours=1)
NWT_ZONE = "America/Yellowknife"


def _sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


class MountainTime(tzinfo):
    """Mountain Time with Canada's daylight-saving rule; ``zone``/``key`` let Babel name it (MST/MDT, HNR/HAR)."""

    standard = timedelta(hours=-7)

    def __init__(self, key: str = NWT_ZONE) -> None:
        self.zone = self.key = key

    def _changes(self, year: int) -> tuple[datetime, datetime]:
        """Local wall-clock times of the spring change (2:00 MST) and the fall change (1:00 MST, 2:00 MDT)."""
        return (datetime.combine(_sunday(year, 3, 2), time(2)), datetime.combine(_sunday(year, 11, 1), time(1)))

    def dst(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(0)
        wall = dt.replace(tzinfo=None, fold=0)
        spring, fall = self._changes(dt.year)
        if spring <= wall < spring + HOUR:  # the hour that does not exist: fold picks the side (PEP 495)
            return HOUR if dt.fold else timedelta(0)
        if fall <= wall < fall + HOUR:  # the hour that happens twice: fold 0 is the first (daylight) one
            return timedelta(0) if dt.fold else HOUR
        return HOUR if spring <= wall < fall else timedelta(0)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self.standard + self.dst(dt)

    def tzname(self, dt: datetime | None) -> str:
        return "MDT" if self.dst(dt) else "MST"

    def fromutc(self, dt: datetime) -> datetime:
        utc = dt.replace(tzinfo=None)
        spring, fall = self._changes(utc.year)
        spring_utc, fall_utc = spring - self.standard, fall - self.standard  # 9:00 and 8:00 UTC
        summer = spring_utc <= utc < fall_utc
        local = utc + self.standard + (HOUR if summer else timedelta(0))
        return local.replace(tzinfo=self, fold=int(fall_utc <= utc < fall_utc + HOUR))

    def normalize(self, dt: datetime) -> datetime:
        """What Flask-Babel asks of a zone (a pytz habit); offsets here are always computed, so only convert."""
        return dt.astimezone(self)

    def __repr__(self) -> str:
        return f"MountainTime({self.key!r})"


@lru_cache
def display_zone(name: str) -> tzinfo:
    return MountainTime(name) if name == NWT_ZONE else ZoneInfo(name)


def end_of_local_day(day: date, zone_name: str) -> datetime:
    """The last second of ``day`` in that zone, as an aware instant."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=display_zone(zone_name))
