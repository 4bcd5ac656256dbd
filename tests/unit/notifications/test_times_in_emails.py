"""Times in e-mails: the clock in Yellowknife with its zone's name, on both sides of the 2027 changes, EN and FR."""
import pytest

from tests.unit.notifications.test_templates import plain, render


@pytest.mark.parametrize(("paid_at", "language", "written"), [
    ("2026-12-01T19:56:00+00:00", "en", "December 1, 2026, 12:56 p.m. MST"),
    ("2026-07-01T19:56:00+00:00", "en", "July 1, 2026, 1:56 p.m. MDT"),
    ("2026-12-01T19:56:00+00:00", "fr", "1 décembre 2026, 12 h 56 HNR"),
    ("2026-07-01T19:56:00+00:00", "fr", "1 juillet 2026, 13 h 56 HAR"),
    ("2027-03-14T08:59:00+00:00", "en", "March 14, 2027, 1:59 a.m. MST"),
    ("2027-03-14T09:00:00+00:00", "en", "March 14, 2027, 3:00 a.m. MDT"),
    ("2027-11-07T07:59:00+00:00", "fr", "7 novembre 2027, 01 h 59 HAR"),
    ("2027-11-07T08:00:00+00:00", "fr", "7 novembre 2027, 01 h 00 HNR"),
])
def test_a_time_in_an_email_is_yellowknifes(paid_at, language, written):
    email = render("payment_receipt", language, paid_at=paid_at)
    label = {"en": "Paid on: ", "fr": "Date du paiement : "}[language]
    assert label + written in plain(email.text) and f">{written}</td>" in plain(email.html)
