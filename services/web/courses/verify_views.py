"""Anyone may check a certificate (no sign-in): type its number, or scan the QR code printed on it. The page says
whether it is valid, expired, suspended or revoked, with the holder's name, the certification and its dates,
nothing else. Lookups are limited per address, in the store every web process shares."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for

from common.clock import utcnow
from services.web.accounts.auth_views import configured_limit
from services.web.clients import CoursesApi, NotFound, Refused
from services.web.courses.forms import VerifyForm
from services.web.courses.messages import verification_message
from services.web.extensions import limiter

bp = Blueprint("courses_verify", __name__, url_prefix="/verify")
# What a person may type around a number (the courses service judges the rest); anything else is not one.
TYPED_NUMBER = re.compile(r"[0-9A-Za-z \-_.]{1,40}")


def only_the_form() -> bool:
    """Opening the empty form is not a lookup: it does not count."""
    return request.endpoint == "courses_verify.find" and "number" not in request.args


def _form_page(form: VerifyForm, status: int = 200) -> Any:
    return render_template("courses/verify.html", form=form), status


def _lookup(typed: str) -> tuple[dict | None, str | None, int]:
    """The certificate's public status, or the message to show and the page's status."""
    if not TYPED_NUMBER.fullmatch(typed):
        return None, verification_message("malformed_number"), 422
    try:
        return CoursesApi.public().verification(typed), None, 200
    except NotFound as error:
        return None, verification_message(error.code), 404
    except Refused as error:
        return None, verification_message(error.code), 422


# One count per address for both ways of looking a number up (typed in the form, or the QR code's address).
lookups = limiter.shared_limit(configured_limit("verification_rate_limit_per_address"), scope="certificate_lookup",
                               exempt_when=only_the_form)


@bp.get("")
@lookups
def find() -> Any:
    """The form; once a number is sent (a GET form: it changes nothing), its page or the problem with it."""
    form = VerifyForm(request.args)
    if "number" not in request.args:
        return _form_page(VerifyForm())
    if not form.validate():
        return _form_page(form, 422)
    certificate, problem, status = _lookup(form.number.data.strip())
    if certificate is None:
        form.number.errors.append(problem)
        return _form_page(form, status)
    return redirect(url_for("courses_verify.certificate", number=certificate["number"]), 303)


@bp.get("/<number>")
@lookups
def certificate(number: str) -> Any:
    """The QR code's address, and where the form leads."""
    found, problem, status = _lookup(number)
    if found is None:
        form = VerifyForm(data={"number": number})
        form.number.errors = [problem]
        return _form_page(form, status)
    if found["number"] != number:  # typed in another form (lower case, a dash): one address per certificate
        return redirect(url_for("courses_verify.certificate", number=found["number"]), 301)
    return render_template("courses/verified.html", certificate=found, checked_at=utcnow())
