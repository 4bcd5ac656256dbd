"""For WSCC administrators: the certifications and the documents each requires, in every language.

The requirements are WSCC's data, kept by the applications service; this page edits them and saves them whole.
"""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from services.web.access import role_required
from services.web.admin.forms import BLANK_REQUIREMENT_ROWS, CertificationForm
from services.web.clients import ApplicationsApi, Refused

bp = Blueprint("admin_certifications", __name__, url_prefix="/admin/certifications")
CERTIFICATION_CODE = re.compile(r"[a-z0-9_]{2,60}")
REQUIREMENT_FIELDS = ("code", "name_en", "name_fr", "description_en", "description_fr")


def _certification(code: str) -> dict:
    if not CERTIFICATION_CODE.fullmatch(code):
        abort(404)
    found = [item for item in ApplicationsApi().certifications() if item["code"] == code]
    if not found:
        abort(404)
    return found[0]


def _form_for(certification: dict) -> CertificationForm:
    rows = [{name: requirement.get(name) or "" for name in REQUIREMENT_FIELDS}
            for requirement in certification.get("requirements", [])]
    form = CertificationForm(formdata=None, data={"name_en": certification["name_en"],
                                                  "name_fr": certification["name_fr"], "requirements": rows})
    for _blank in range(BLANK_REQUIREMENT_ROWS):
        form.requirements.append_entry()
    return form


@bp.get("")
@role_required("admin")
def index() -> Any:
    return render_template("admin/certifications.html", certifications=ApplicationsApi().certifications())


@bp.route("/<code>", methods=["GET", "POST"])
@role_required("admin")
def edit(code: str) -> Any:
    certification = _certification(code)
    form = CertificationForm()
    if not form.is_submitted():
        form = _form_for(certification)
    elif form.validate() and not form.has_row_errors():
        try:
            ApplicationsApi().save_certification(code, form.payload())
        except Refused as error:
            _show_service_errors(form, error.fields)
        else:
            flash(_("The certification and its required documents were saved."), "success")
            return redirect(url_for("admin_certifications.index"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/certification.html", certification=certification, form=form), status



def _show_service_errors(form: CertificationForm, fields: dict[str, str]) -> None:
    """The service names fields as "name_en" or "requirements.<n>.<field>", n counting the rows kept."""
    messages = {"required": _("This field is required."), "too_long": _("This text is too long."),
                "invalid": _("Use 2 to 60 lower-case letters, digits or underscores."),
                "duplicate": _("Each document needs its own code.")}
    rows = form.kept_rows()
    for name, code in fields.items():
        parts = name.split(".")
        target = form[parts[0]] if parts[0] in ("name_en", "name_fr") else None
        if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) < len(rows) and parts[2] in rows[0]:
            target = rows[int(parts[1])][parts[2]]
        if target is not None:
            target.errors = [*target.errors, messages.get(code, _("This value cannot be saved."))]
        else:
            form.form_errors.append(_("The certification could not be saved. Check every row."))
