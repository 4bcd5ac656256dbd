"""Times on the pages: the clock in Yellowknife with its zone's name, in winter and summer, in English and French."""
import pytest

from services.web.statuses import iso_day
from services.web.templating import moment
from tests.unit.web.conftest import form_context


@pytest.mark.parametrize(("instant", "language", "shown"), [
    ("2026-12-01T19:56:00+00:00", "en", "Dec 1, 2026, 12:56 p.m. MST"),
    ("2026-07-01T19:56:00+00:00", "en", "Jul 1, 2026, 1:56 p.m. MDT"),
    ("2026-12-01T19:56:00+00:00", "fr", "1 déc. 2026, 12 h 56 HNR"),
    ("2026-07-01T19:56:00+00:00", "fr", "1 juill. 2026, 13 h 56 HAR"),
    ("2027-03-14T08:59:00+00:00", "en", "Mar 14, 2027, 1:59 a.m. MST"),
    ("2027-03-14T09:00:00+00:00", "en", "Mar 14, 2027, 3:00 a.m. MDT"),
    ("2027-11-07T07:59:00+00:00", "fr", "7 nov. 2027, 01 h 59 HAR"),
    ("2027-11-07T08:00:00+00:00", "fr", "7 nov. 2027, 01 h 00 HNR"),
])
def test_a_time_on_a_page_is_yellowknifes(app, instant, language, shown):
    with form_context(app, {}, language):
        assert moment(instant).replace("\u202f", " ").replace("\u00a0", " ") == shown


def test_a_winter_evening_deadline_is_still_that_day(app):
    with form_context(app, {}):
        assert iso_day("2026-12-02T06:59:59+00:00") == "2026-12-01"
