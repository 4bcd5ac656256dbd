"""The licenses table as CSV for Excel (services/web/spreadsheets.py): headers and statuses in the reader's
language."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from services.web.spreadsheets import BOM, as_text, csv_stream  # noqa: F401 - BOM: the tests read it from here

COLUMNS = ("code", "status", "order_number", "assigned_to_name", "assignment_date", "issued_on", "employee_name",
           "progress", "redeem_by")


def utc_day(instant: str | None) -> str:
    """The UTC date of an instant; the portal passes ``iso_day`` instead, the date in its own time zone."""
    return (instant or "")[:10]


def license_row(license_: Mapping, status_words: Mapping[str, str], progress_words: Callable[[Mapping | None], str],
                day: Callable[[str | None], str] = utc_day) -> list[str]:
    employee = license_.get("employee") or {}
    return [license_["code"], status_words.get(license_["status"], license_["status"]), license_["order_number"],
            as_text(license_.get("assigned_to_name")), license_.get("assignment_date") or "",
            day(license_.get("issued_at")), as_text(employee.get("name")),
            progress_words(employee) if employee else "", day(employee.get("redeem_by"))]


def csv_lines(licenses: Iterable[Mapping], headers: Mapping[str, str], status_words: Mapping[str, str],
              progress_words: Callable[[Mapping | None], str],
              day: Callable[[str | None], str] = utc_day) -> Iterator[str]:
    """The CSV text, one line at a time, so thousands of codes stream without being held in memory."""
    return csv_stream([headers[column] for column in COLUMNS],
                      (license_row(license_, status_words, progress_words, day) for license_ in licenses))
