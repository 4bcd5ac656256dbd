"""MANAGE LICENSES: the codes page by page, the tracking columns saved row by row, and the CSV export."""
from __future__ import annotations

import json
import uuid
from typing import Any

from flask import (Blueprint, Response, current_app, flash, redirect, render_template, request, stream_with_context,
                   url_for)
from flask_babel import gettext as _

from common.clock import utcnow
from common.text_input import CONTROL_CHARACTERS
from services.web.access import role_required
from services.web.clients import LicensesApi, Refused
from services.web.forms import ONE_LINE_MESSAGE
from services.web.i18n import LICENSE_STATUSES
from services.web.licenses.csv_export import csv_lines
from services.web.statuses import iso_day, progress_words

bp = Blueprint("licenses", __name__, url_prefix="/licenses")


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and int(raw) >= 1 else 1


def _tracking_message(code: str) -> str:
    messages = {
        "too_long": _("Use at most 200 characters."),
        "invalid_date": _("Enter the date as YYYY-MM-DD, for example 2025-03-31."),
        "out_of_range": _("Enter a date between the year 2000 and next year."),
        CONTROL_CHARACTERS: str(ONE_LINE_MESSAGE),
    }
    return messages.get(code, _("This value cannot be saved."))


def _render_page(page: int, row_errors: dict | None = None, row_values: dict | None = None, status: int = 200) -> Any:
    per_page = current_app.config["WSCC_SETTINGS"].licenses_per_page
    listing = LicensesApi().page(page, per_page)
    pages = max(1, -(-listing["total"] // per_page))
    return render_template("licenses/manage.html", listing=listing, page=page, pages=pages,
                           row_errors=row_errors or {}, row_values=row_values or {}), status


@bp.get("")
@role_required("company")
def manage() -> Any:
    return _render_page(_page_number(request.args.get("page")))


@bp.post("/<uuid:license_id>/tracking")
@role_required("company")
def track(license_id: uuid.UUID) -> Any:
    """Save "Assigned to (name)" and "Assignment date" of one row; an error is shown on that row."""
    page = _page_number(request.form.get("page"))
    name = request.form.get("assigned_to_name", "").strip() or None
    assignment_date = request.form.get("assignment_date", "").strip() or None
    try:
        saved = LicensesApi().track(license_id, name, assignment_date)
    except Refused as error:
        errors = {field: _tracking_message(code) for field, code in error.fields.items()}
        values = {"assigned_to_name": name or "", "assignment_date": assignment_date or ""}
        return _render_page(page, {str(license_id): errors}, {str(license_id): values}, status=422)
    flash(_("Saved for code %(code)s.", code=saved["code"]), "success")
    return redirect(url_for("licenses.manage", page=page, _anchor=f"license-{license_id}"), 303)


@bp.get("/export.csv")
@role_required("company")
def export_csv() -> Response:
    lines = LicensesApi().export_lines()  # called now: a failure shows an error page, not a broken file
    headers = {"code": _("Code"), "status": _("Status"), "order_number": _("Order number"),
               "assigned_to_name": _("Assigned to (name)"), "assignment_date": _("Assignment date"),
               "issued_on": _("Issued on"), "employee_name": _("Employee"), "progress": _("Progress"),
               "redeem_by": _("Deadline to use")}
    status_words = {code: str(words) for code, words in LICENSE_STATUSES.items()}
    # Written while the response streams: the request's context keeps the reader's language and time zone.
    body = stream_with_context(csv_lines((json.loads(line) for line in lines), headers, status_words,
                                         progress_words, iso_day))
    filename = f"licenses-{utcnow():%Y-%m-%d}.csv"
    return Response(body, mimetype="text/csv", content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/<uuid:license_id>/history")
@role_required("company")
def history(license_id: uuid.UUID) -> Any:
    """Every change of one code, oldest first (the licenses service answers 404 for another company's)."""
    return render_template("licenses/history.html", items=LicensesApi().history(license_id), license_id=license_id)


def _not_releasable_message(status: str | None) -> str:
    messages = {
        "redeemed": _("This code cannot be released: its employee has already used it (redeemed)."),
        "finished": _("This code cannot be released: its employee has already used it (redeemed)."),
        "available": _("This code cannot be released: it is not linked to an employee."),
        "expired": _("This code cannot be released: it has expired. WSCC can reinstate it."),
    }
    return messages.get(status or "", _("This code cannot be released now."))


@bp.post("/<uuid:license_id>/release")
@role_required("company")
def release(license_id: uuid.UUID) -> Any:
    """The row's "Release" button asks first (a page with the consequences); that page's button releases."""
    page = _page_number(request.form.get("page"))
    back = url_for("licenses.manage", page=page, _anchor=f"license-{license_id}")
    if request.form.get("confirmed") != "yes":
        license_ = LicensesApi().license(license_id)  # as it is now, not as the table showed it
        if not license_["releasable"]:
            flash(_not_releasable_message(license_["status"]), "error")
            return redirect(back, 303)
        return render_template("licenses/release.html", license=license_, page=page)
    try:
        released = LicensesApi().release(license_id)
    except Refused as refusal:
        flash(_not_releasable_message(refusal.fields.get("status")), "error")
    else:
        flash(_("Code %(code)s is available again: you can give it to another employee. Its employee will be "
                "told by e-mail.", code=released["code"]), "success")
    return redirect(back, 303)
