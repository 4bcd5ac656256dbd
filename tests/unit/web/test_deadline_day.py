"""A deadline's day on the pages and in the CSV is the day it falls on where WSCC works, as the e-mails say it."""
import pytest

from services.web.licenses.csv_export import COLUMNS, csv_lines
from services.web.statuses import iso_day, progress_words
from tests.unit.web.conftest import form_context

HEADERS = {column: column for column in COLUMNS}


@pytest.mark.parametrize(("instant", "day"), [
    # Late in the evening in Yellowknife (UTC-7 or UTC-6): already the next day in UTC.
    ("2027-03-02T05:30:00+00:00", "2027-03-01"),
    ("2027-07-01T05:30:00+00:00", "2027-06-30"),
    ("2027-03-01T18:00:00+00:00", "2027-03-01"),
    ("2027-03-01", "2027-03-01"),
    (None, ""),
])
def test_the_day_is_the_portals_time_zones(app, instant, day):
    with form_context(app, {}):
        assert iso_day(instant) == day


def test_the_company_reads_the_local_day_in_the_progress_and_the_csv(app):
    employee = {"name": "Jean", "progress": "approved", "redeem_by": "2027-03-02T05:30:00+00:00", "days_left": 45}
    license_ = {"code": "C", "status": "eligible", "order_number": "W", "issued_at": "2026-12-01T03:00:00+00:00",
                "employee": employee}
    with form_context(app, {}):
        assert progress_words(employee) == "Approved — use by 2027-03-01 (45 days left)"
        [_, line] = csv_lines([license_], HEADERS, {}, progress_words, iso_day)
    assert line.strip().split(",")[-4:] == ["2026-11-30", "Jean", "Approved — use by 2027-03-01 (45 days left)",
                                            "2027-03-01"]
