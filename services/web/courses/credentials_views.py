"""What a wallet or a verifier fetches to check an Open Badges credential (no sign-in): the issuer's profile with its
public key, the signed revocation and suspension lists, and the credential's own address, which leads people to
the verification page."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, jsonify, redirect, request, url_for

from services.web.clients import CoursesApi
from services.web.courses.certificates_views import CREDENTIAL_TYPE
from services.web.i18n import current_language

bp = Blueprint("courses_credentials", __name__, url_prefix="/credentials")
PURPOSES = ("revocation", "suspension")
CERTIFICATION_CODE = re.compile(r"[a-z0-9_]{1,60}")  # nothing else goes into the courses service's path
# Verifiers fetch these for every credential they check; a few minutes' staleness is what status lists allow for.
CACHE = "public, max-age=300"


@bp.get("/issuer")
def issuer() -> Any:
    response = jsonify(CoursesApi.public().issuer())
    response.headers["Cache-Control"] = CACHE
    return response


@bp.get("/achievements/<code>")
def achievement(code: str) -> Any:
    """What a credential's achievement ``id`` answers: the certification, in the language asked for."""
    if not CERTIFICATION_CODE.fullmatch(code):
        abort(404)
    response = jsonify(CoursesApi.public().achievement(code, request.args.get("lang") or current_language()))
    response.headers["Cache-Control"] = CACHE
    return response


@bp.get("/status/<purpose>")
def status_list(purpose: str) -> Any:
    if purpose not in PURPOSES:
        abort(404)
    return Response(CoursesApi.public().status_list(purpose), mimetype=CREDENTIAL_TYPE,
                    headers={"Cache-Control": CACHE})


@bp.get("/<number>")
def credential(number: str) -> Any:
    """A credential's ``id``: a person who opens it reads the certificate's public status."""
    return redirect(url_for("courses_verify.certificate", number=number), 302)
