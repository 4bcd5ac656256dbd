"""CSV files for Excel, as every export of the portal writes them: UTF-8 with a byte-order mark, CR LF line ends,
and any cell a person typed that a spreadsheet would read as a formula written as text."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

BOM = "\ufeff"  # without it Excel reads UTF-8 as the local code page and mangles accents
# A cell starting with one of these is a formula to a spreadsheet; names typed by people are written as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_stream(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """The CSV text, one line at a time, so thousands of rows stream without being held in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(cells: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield BOM + line(header)
    for row in rows:
        yield line(row)
