"""The courses service's internal API for WSCC staff: a candidate's attempts, results and certificates; extra
attempts and accommodations; the sign-off queue; certificate status changes; the certificate register."""
from __future__ import annotations

import uuid

from flask import Blueprint
from sqlalchemy import select

from common.api_input import acting_user_id, json_body
from common.clock import utcnow
from common.http import current_runtime, requires_actor
from common.refusals import Invalid, NotFound
from services.courses import certificates, grants, signoffs
from services.courses.models import Certificate, Enrolment
from services.courses.representations import certificate_json, certification_json, staff_enrolment_json

staff_api = Blueprint("courses_staff_api", __name__, url_prefix="/internal/staff")
STAFF = ("reviewer", "admin")


@staff_api.get("/candidates/<uuid:employee_id>")
@requires_actor(*STAFF)
def candidate(employee_id: uuid.UUID):
    now = utcnow()
    with current_runtime().db.reading() as session:
        rows = session.scalars(select(Enrolment).where(Enrolment.employee_id == employee_id)
                               .order_by(Enrolment.opened_at.desc())).all()
        return {"items": [staff_enrolment_json(session, enrolment, now) for enrolment in rows]}


@staff_api.post("/enrolments/<uuid:enrolment_id>/extra-attempt")
@requires_actor("admin")
def extra_attempt(enrolment_id: uuid.UUID):
    now = utcnow()
    with current_runtime().db.unit_of_work() as session:
        enrolment = grants.grant_attempt(session, enrolment_id, json_body().get("reason"), acting_user_id(), now)
        return staff_enrolment_json(session, enrolment, now)


@staff_api.post("/enrolments/<uuid:enrolment_id>/accommodation")
@requires_actor("admin")
def accommodation(enrolment_id: uuid.UUID):
    payload, now = json_body(), utcnow()
    with current_runtime().db.unit_of_work() as session:
        enrolment = grants.set_accommodation(session, enrolment_id, payload.get("multiplier"), payload.get("reason"),
                                             acting_user_id(), now)
        return staff_enrolment_json(session, enrolment, now)


@staff_api.get("/signoffs")
@requires_actor(*STAFF)
def signoff_queue():
    runtime = current_runtime()
    with runtime.db.reading() as session:
        return {"items": signoffs.waiting(session, runtime.settings.signoff_queue_limit)}


@staff_api.post("/signoffs/<uuid:enrolment_id>")
@requires_actor(*STAFF)
def sign_off(enrolment_id: uuid.UUID):
    now = utcnow()
    with current_runtime().db.unit_of_work() as session:
        enrolment = signoffs.sign_off(session, enrolment_id, acting_user_id(), json_body(empty_allowed=True)
                                      .get("note"), now)
        return staff_enrolment_json(session, enrolment, now)


@staff_api.post("/certificates/<number>/status")
@requires_actor("admin")
def change_certificate_status(number: str):
    payload, now = json_body(), utcnow()
    with current_runtime().db.unit_of_work() as session:
        certificate = certificates.change_status(session, number, str(payload.get("action") or ""),
                                                 str(payload.get("reason") or ""), acting_user_id(), now)
        return certificate_json(certificate, now)


def _register_entry(certificate: Certificate, enrolment: Enrolment, now) -> dict:
    return certificate_json(certificate, now) | {
        "certification": certification_json(enrolment),
        "company_id": str(certificate.company_id), "employee_id": str(certificate.employee_id),
        "enrolment_id": str(enrolment.id)}


@staff_api.get("/certificates")
@requires_actor(*STAFF)
def certificate_register():
    """Every certificate, newest first (the front door writes it as CSV in the reader's language)."""
    now = utcnow()
    with current_runtime().db.reading() as session:
        rows = session.execute(select(Certificate, Enrolment).join(Enrolment)
                               .order_by(Certificate.issued_at.desc())).all()
        return {"items": [_register_entry(certificate, enrolment, now) for certificate, enrolment in rows]}


@staff_api.get("/certificates/<number>")
@requires_actor(*STAFF)
def certificate(number: str):
    """One certificate of the register with every status change (who, when, why), oldest first."""
    now = utcnow()
    with current_runtime().db.reading() as session:
        try:
            certificate, enrolment = certificates.find(session, number)
        except Invalid:  # not a number at all: no certificate of the register has it
            raise NotFound("no_such_certificate") from None
        return _register_entry(certificate, enrolment, now) | {
            "signed_off_by": certificate.signed_off_by and str(certificate.signed_off_by),
            "history": [{"status": change.status, "reason": change.reason, "changed_by": str(change.changed_by),
                         "changed_at": change.changed_at.isoformat()}
                        for change in certificates.history(session, certificate)]}
