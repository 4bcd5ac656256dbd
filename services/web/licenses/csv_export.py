"""The licenses table as CSV for Excel: UTF-8 with a byte-order mark, headers and statuses in the reader's language."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping

BOM = "\ufeff"  # without it Excel reads UTF-8 as the local code page and mangles accents
COLUMNS = ("code", "status", "order_number", "assigned_to_name", "assignment_date", "issued_on", "employee_name",
           "progress", "redeem_by")
# A cell starting with one of these is a formula to a spreadsheet; names typed by people are written as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield BOM + line([headers[column] for column in COLUMNS])
    for license_ in licenses:
        yield line(license_row(license_, status_words, progress_words, day))
