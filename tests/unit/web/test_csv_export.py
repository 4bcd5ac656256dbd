"""The CSV export: a byte-order mark for Excel, the reader's headers and statuses, names kept as text."""
import csv
import io

from services.web.licenses.csv_export import BOM, csv_lines

HEADERS = {"code": "Code", "status": "Statut", "order_number": "Numéro de commande",
           "assigned_to_name": "Assigné à Nom", "assignment_date": "Date d'assignation", "issued_on": "Date d'émission",
           "employee_name": "Employé", "progress": "Progression", "redeem_by": "Date limite d'utilisation"}
STATUSES = {"available": "Disponible", "claimed": "Liée à un employé"}


def license_(**changes):
    return {"id": "x", "code": "ABCDE-FGHJK-MNPQR-STVW0", "status": "available", "order_id": "o",
            "order_number": "WSCC-0001", "assigned_to_name": None, "assignment_date": None,
            "issued_at": "2026-03-01T12:00:00+00:00"} | changes


def progress(employee):
    return f"<{employee['progress']}>"


def rows(licenses):
    text = "".join(csv_lines(licenses, HEADERS, STATUSES, progress))
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM):])))


def test_headers_then_one_row_per_license_with_statuses_in_words():
    table = rows([license_(), license_(status="claimed", assigned_to_name="Élise Côté, Jr.",
                                       assignment_date="2026-03-05")])
    assert table[0] == list(HEADERS.values())
    assert table[1] == ["ABCDE-FGHJK-MNPQR-STVW0", "Disponible", "WSCC-0001", "", "", "2026-03-01", "", "", ""]
    assert table[2] == ["ABCDE-FGHJK-MNPQR-STVW0", "Liée à un employé", "WSCC-0001", "Élise Côté, Jr.",
                        "2026-03-05", "2026-03-01", "", "", ""]


def test_a_linked_employee_brings_name_progress_and_deadline():
    employee = {"id": "e", "name": "+Bob Tremblay", "progress": "approved", "redeem_by": "2027-03-01T18:00:00+00:00",
                "days_left": 45}
    row = rows([license_(status="eligible", employee=employee)])[1]
    assert row[6:] == ["'+Bob Tremblay", "<approved>", "2027-03-01"]


def test_a_name_that_looks_like_a_formula_is_written_as_text():
    assert rows([license_(assigned_to_name="=HYPERLINK(\"x\")")])[1][3] == "'=HYPERLINK(\"x\")"


def test_lines_end_with_crlf_and_come_one_at_a_time():
    lines = list(csv_lines([license_(), license_()], HEADERS, STATUSES, progress))
    assert len(lines) == 3
    assert all(line.endswith("\r\n") for line in lines)


def test_an_unknown_status_is_shown_as_its_code():
    assert rows([license_(status="frozen")])[1][1] == "frozen"


def test_the_certificate_register_opens_with_a_bom_and_writes_typed_names_as_text(app):
    from services.web.review.certificates import _register_row
    from services.web.spreadsheets import csv_stream
    from tests.unit.web.conftest import form_context
    entry = {"number": "7K3QD9XH2A", "holder_name": "=cmd|' /C calc'!A0", "certification": {"name_en": "Shift Boss"},
             "company_id": "c", "issued_at": "2026-12-02T05:00:00+00:00", "expires_at": "2031-12-02T18:00:00+00:00",
             "status": "suspended", "status_changed_at": None, "status_reason": "@SUM(1)"}
    with form_context(app, {}):
        text = "".join(csv_stream(["h"], [_register_row(entry, {"c": "-Mine Ltd."})]))
    assert text.startswith(BOM)
    [_, row] = list(csv.reader(io.StringIO(text[len(BOM):])))
    assert row == ["7K3QD-9XH2A", "'=cmd|' /C calc'!A0", "Shift Boss", "'-Mine Ltd.", "2026-12-01", "2031-12-02",
                   "Suspended", "", "'@SUM(1)"]
