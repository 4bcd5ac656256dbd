"""For WSCC administrators: suspend, reinstate or revoke a certificate, always with a reason, from its page in the
register (review/certificates.py). The holder's company and the public verification page follow at once."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from services.web.access import role_required
from services.web.clients import CoursesApi, Refused
from services.web.review.certificates import ACTIONS, NUMBER_IN_AN_ADDRESS, certificate_page, status_form

bp = Blueprint("admin_certificates", __name__, url_prefix="/admin/certificates")


def status_refused_message(code: str) -> str:
    messages = {
        "reason_required": _("Write the reason: it is kept with the change."),
        "certificate_status_conflict": _("The certificate's status changed in the meantime: this change cannot be "
                                         "made now. Check its status below."),
    }
    return messages.get(code, _("This change cannot be made now. Reload the page and try again."))


DONE = {"suspend": _l("The certificate is suspended. Its verification page says so from now on."),
        "reinstate": _l("The certificate is valid again. Its verification page says so from now on."),
        "revoke": _l("The certificate is revoked for good. Its verification page says so from now on.")}


@bp.post("/<number>/<action>")
@role_required("admin")
def change(number: str, action: str) -> Any:
    if action not in ACTIONS or not NUMBER_IN_AN_ADDRESS.fullmatch(number):
        abort(404)
    form = status_form(action, request.form)
    if not form.validate():
        return certificate_page(number, form, action, 422)
    try:
        CoursesApi().change_certificate(number, action, form.reason.data.strip())
    except Refused as error:
        target = form.reason if error.code == "reason_required" else None
        message = status_refused_message(error.code)
        if target is not None:
            target.errors = [message]
        else:
            form.form_errors.append(message)
        return certificate_page(number, form, action, 422)
    flash(str(DONE[action]), "success")
    return redirect(url_for("review_certificates.show", number=number), 303)
