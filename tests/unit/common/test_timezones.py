"""The portal's zone rules: Mountain Time in the NWT, standard in winter, daylight in summer, both 2027 changes."""
from datetime import UTC, date, datetime

import pytest

from common.timezones import display_zone, end_of_local_day

ZONE = display_zone("America/Yellowknife")


@pytest.mark.parametrize(("utc", "local", "name"), [
    ("2026-12-01T19:56:00", "2026-12-01T12:56:00-07:00", "MST"),
    ("2026-07-01T19:56:00", "2026-07-01T13:56:00-06:00", "MDT"),
    # Spring 2027: Sunday 14 March, 2:00 MST becomes 3:00 MDT (9:00 UTC).
    ("2027-03-14T08:59:00", "2027-03-14T01:59:00-07:00", "MST"),
    ("2027-03-14T09:00:00", "2027-03-14T03:00:00-06:00", "MDT"),
    # Fall 2027: Sunday 7 November, 2:00 MDT becomes 1:00 MST (8:00 UTC).
    ("2027-11-07T07:59:00", "2027-11-07T01:59:00-06:00", "MDT"),
    ("2027-11-07T08:00:00", "2027-11-07T01:00:00-07:00", "MST"),
    ("2027-12-24T06:30:00", "2027-12-23T23:30:00-07:00", "MST"),
])
def test_an_instant_reads_as_the_clocks_in_yellowknife_show_it(utc, local, name):
    shown = datetime.fromisoformat(utc).replace(tzinfo=UTC).astimezone(ZONE)
    assert shown.isoformat() == local and shown.tzname() == name
    assert shown.astimezone(UTC) == datetime.fromisoformat(utc).replace(tzinfo=UTC)


@pytest.mark.parametrize(("day", "utc"), [
    (date(2026, 12, 1), "2026-12-02T06:59:59+00:00"),
    (date(2027, 7, 1), "2027-07-02T05:59:59+00:00"),
    (date(2027, 3, 14), "2027-03-15T05:59:59+00:00"),
    (date(2027, 11, 6), "2027-11-07T05:59:59+00:00"),
])
def test_a_deadline_day_ends_at_midnight_local_time(day, utc):
    assert end_of_local_day(day, "America/Yellowknife").astimezone(UTC).isoformat() == utc
