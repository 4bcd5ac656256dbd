"""The employee's certificates: the list, each one's PDF (in the reader's language, or the one asked for) and its
Open Badges credential, a signed file to keep in a digital wallet."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_babel import force_locale

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.courses.certificate_pdf import certificate_pdf
from services.web.courses.messages import withdrawn_message
from services.web.courses.printing import printed_certificate
from services.web.errors import error_page
from services.web.i18n import current_language, supported_languages

bp = Blueprint("courses_certificates", __name__, url_prefix="/certificates")
NUMBER = re.compile(r"[0-9A-Z]{10}")  # as the courses service stores it and its links write it
CREDENTIAL_TYPE = "application/vc+jwt"


def _mine(number: str) -> dict:
    """The employee's own certificate; someone else's, or a made-up number, is not found."""
    if not NUMBER.fullmatch(number):
        abort(404)
    found = next((item for item in CoursesApi().my_certificates() if item["number"] == number), None)
    if found is None:
        abort(404)
    return found


@bp.get("")
@role_required("employee")
def index() -> Any:
    return render_template("courses/certificates.html", certificates=CoursesApi().my_certificates(),
                           other_languages=[code for code in supported_languages() if code != current_language()])


@bp.get("/<number>.pdf")
@role_required("employee")
def pdf(number: str) -> Any:
    certificate = _mine(number)
    if not certificate["printable"]:
        return error_page(409, withdrawn_message(certificate["status"]), url_for("courses_certificates.index"))
    language = request.args.get("lang")
    language = language if language in supported_languages() else current_language()
    with force_locale(language):
        content = certificate_pdf(printed_certificate(certificate))
    return Response(content, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="certificate-{certificate["display_number"]}-{language}.pdf"'})


@bp.get("/<number>/credential.jwt")
@role_required("employee")
def credential(number: str) -> Any:
    if not NUMBER.fullmatch(number):
        abort(404)
    try:
        token = CoursesApi().credential(number)  # not the employee's own: 404
    except Refused as refusal:
        if refusal.code != "certificate_withdrawn":
            raise
        return error_page(409, withdrawn_message(_mine(number)["status"]), url_for("courses_certificates.index"))
    return Response(token, mimetype=CREDENTIAL_TYPE, headers={
        "Content-Disposition": f'attachment; filename="certificate-{number}.jwt"'})
