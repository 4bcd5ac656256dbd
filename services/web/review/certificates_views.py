"""For WSCC reviewers and administrators: the certificate register (searched, exported as CSV) and one
certificate with its status history."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request, stream_with_context

from common.clock import utcnow
from services.web.access import role_required
from services.web.clients import CoursesApi
from services.web.review.certificates import certificate_page, register_lines, searched
from services.web.review.forms import RegisterSearchForm
from services.web.review.people import company_names

bp = Blueprint("review_certificates", __name__, url_prefix="/review/certificates")
STAFF = ("reviewer", "admin")


@bp.get("")
@role_required(*STAFF)
def register() -> Any:
    form = RegisterSearchForm(request.args)
    form.validate()
    query = (form.q.data or "").strip() if not form.errors else ""
    certificates = CoursesApi().certificate_register()
    found = searched(certificates, query)
    return render_template("review/certificates.html", form=form, query=query, certificates=found,
                           total=len(certificates),
                           companies=company_names({item["company_id"] for item in found}))


@bp.get("/export.csv")
@role_required(*STAFF)
def export_csv() -> Response:
    certificates = CoursesApi().certificate_register()  # called now: a failure shows an error page, not a file
    body = stream_with_context(register_lines(certificates))
    return Response(body, mimetype="text/csv", content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="certificates-{utcnow():%Y-%m-%d}.csv"'})


@bp.get("/<number>")
@role_required(*STAFF)
def show(number: str) -> Any:
    return certificate_page(number)
