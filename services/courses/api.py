"""The courses service's internal API for an employee (their course, exam and certificates), for a company (its
employees' progress) and for anyone (a certificate's public status)."""
from __future__ import annotations

import uuid

from flask import Blueprint, request
from sqlalchemy import select

from common.api_input import acting_company_id, acting_user_id, json_body
from common.clock import utcnow
from common.http import actor, current_runtime, requires_actor
from common.refusals import Invalid, NotFound, Unreadable
from services.courses import attempts, certificates, credentials, learning
from services.courses.enrolling import employee_enrolment
from services.courses.models import Attempt, Certificate, Enrolment
from services.courses.representations import (certificate_json, certification_json, employee_enrolment_json,
                                              progress_json)

api = Blueprint("courses_api", __name__, url_prefix="/internal")
MAX_LICENSES_PER_QUERY = 1000


def _timing() -> attempts.Timing:
    return attempts.Timing(current_runtime().settings.exam_grace_seconds)


@api.get("/enrolments/mine")
@requires_actor("employee")
def my_enrolments():
    now = utcnow()
    with current_runtime().db.reading() as session:
        rows = session.scalars(select(Enrolment).where(Enrolment.employee_id == acting_user_id())
                               .order_by(Enrolment.opened_at.desc())).all()
        return {"items": [employee_enrolment_json(session, enrolment, now) for enrolment in rows]}


@api.get("/enrolments/<uuid:enrolment_id>")
@requires_actor("employee")
def my_enrolment(enrolment_id: uuid.UUID):
    with current_runtime().db.reading() as session:
        enrolment = employee_enrolment(session, enrolment_id, acting_user_id())
        return employee_enrolment_json(session, enrolment, utcnow()) | {
            "course": learning.course_outline(session, enrolment, actor().language)}


@api.get("/enrolments/<uuid:enrolment_id>/lessons/<key>")
@requires_actor("employee")
def lesson(enrolment_id: uuid.UUID, key: str):
    with current_runtime().db.reading() as session:
        enrolment = employee_enrolment(session, enrolment_id, acting_user_id())
        learning.require_access(enrolment, utcnow())
        return learning.lesson_page(session, enrolment, key, actor().language)


@api.post("/enrolments/<uuid:enrolment_id>/lessons/<key>/done")
@requires_actor("employee")
def lesson_done(enrolment_id: uuid.UUID, key: str):
    db, employee_id = current_runtime().db, acting_user_id()
    with db.unit_of_work() as session:
        learning.complete_lesson(session, enrolment_id, employee_id, key, utcnow())
    with db.reading() as session:
        enrolment = employee_enrolment(session, enrolment_id, employee_id)
        return learning.course_outline(session, enrolment, actor().language)


@api.post("/enrolments/<uuid:enrolment_id>/attempts")
@requires_actor("employee")
def start_attempt(enrolment_id: uuid.UUID):
    now, employee_id = utcnow(), acting_user_id()
    with current_runtime().db.unit_of_work() as session:
        attempt = attempts.start_attempt(session, enrolment_id, employee_id, now)
        return attempts.attempt_page(attempt, actor().language, now), 201


@api.get("/attempts/<uuid:attempt_id>")
@requires_actor("employee")
def attempt(attempt_id: uuid.UUID):
    now = utcnow()
    with current_runtime().db.reading() as session:
        found = attempts.candidate_attempt(session, attempt_id, acting_user_id())
        if found.submitted_at is not None:
            return {"submitted": True, "result": attempts.result_page(found, actor().language)}
        return attempts.attempt_page(found, actor().language, now)


@api.put("/attempts/<uuid:attempt_id>/answers/<int:question_id>")
@requires_actor("employee")
def save_answer(attempt_id: uuid.UUID, question_id: int):
    chosen = json_body().get("chosen")
    if not isinstance(chosen, list) or not all(isinstance(item, int) and not isinstance(item, bool)
                                               for item in chosen):
        raise Invalid("not_an_option", {"chosen": "not_a_list_of_options"})
    now = utcnow()
    with current_runtime().db.unit_of_work() as session:
        item = attempts.save_answer(session, attempt_id, acting_user_id(), question_id, chosen, now, _timing())
        found = session.get(Attempt, item.attempt_id)  # locked and loaded by save_answer: no second query
        return {"question_id": item.question_id, "chosen": item.chosen or [], "saved_at": now.isoformat(),
                "server_now": now.isoformat(), "deadline": found.deadline.isoformat(),
                "seconds_left": max(0, int((found.deadline - now).total_seconds()))}


@api.post("/attempts/<uuid:attempt_id>/submit")
@requires_actor("employee")
def submit(attempt_id: uuid.UUID):
    with current_runtime().db.unit_of_work() as session:
        graded = attempts.submit(session, attempt_id, acting_user_id(), utcnow())
        return attempts.result_page(graded, actor().language)


@api.get("/certificates/mine")
@requires_actor("employee")
def my_certificates():
    now = utcnow()
    with current_runtime().db.reading() as session:
        rows = session.execute(select(Certificate, Enrolment).join(Enrolment)
                               .where(Certificate.employee_id == acting_user_id())
                               .order_by(Certificate.issued_at.desc())).all()
        return {"items": [certificate_json(certificate, now) | {"certification": certification_json(enrolment)}
                          for certificate, enrolment in rows]}


@api.get("/companies/mine/progress")
@requires_actor("company")
def company_progress():
    """Each of the company's redeemed licenses past redemption, by license id (``?license_id=…`` repeated)."""
    try:
        wanted = [uuid.UUID(raw) for raw in request.args.getlist("license_id")][:MAX_LICENSES_PER_QUERY]
    except ValueError:
        raise Unreadable("invalid_query", {"license_id": "not_an_id"}) from None
    now = utcnow()
    statement = select(Enrolment).where(Enrolment.company_id == acting_company_id())
    if wanted:
        statement = statement.where(Enrolment.license_id.in_(wanted))
    with current_runtime().db.reading() as session:
        rows = session.scalars(statement.order_by(Enrolment.opened_at).limit(MAX_LICENSES_PER_QUERY)).all()
        return {"items": [progress_json(session, enrolment, now) for enrolment in rows]}


@api.get("/certificates/<number>/verification")
@requires_actor()
def verification(number: str):
    """A certificate's public status by its number: anyone may ask (the front door asks for them)."""
    with current_runtime().db.reading() as session:
        return certificates.verification(session, number, utcnow())


@api.get("/certificates/<number>/credential")
@requires_actor("employee")
def my_credential(number: str):
    """The holder's certificate as a signed Open Badges 3.0 credential (VC-JWT), to keep in a wallet."""
    settings = current_runtime().settings
    with current_runtime().db.reading() as session:
        token = credentials.signed_credential(session, number, acting_user_id(), settings.public_url,
                                              settings.issuer_name, actor().language,
                                              settings.badge_signing_secret.get_secret_value())
    if token is None:
        raise NotFound("not_found")
    return {"jwt": token}


@api.get("/credentials/issuer")
@requires_actor()
def issuer():
    settings = current_runtime().settings
    return credentials.issuer_profile(settings.public_url, settings.issuer_name,
                                      settings.badge_signing_secret.get_secret_value())


@api.get("/credentials/achievements/<code>")
@requires_actor()
def achievement(code: str):
    """A certification as an Open Badges Achievement, in English or (``?lang=fr``) French."""
    settings = current_runtime().settings
    with current_runtime().db.reading() as session:
        found = credentials.achievement_of(session, code, settings.public_url,
                                           "fr" if request.args.get("lang") == "fr" else "en")
    if found is None:
        raise NotFound("not_found")
    return found | {"@context": credentials.CONTEXT}


@api.get("/credentials/status/<purpose>")
@requires_actor()
def status_list(purpose: str):
    """The signed revocation or suspension list every issued credential points to."""
    if purpose not in credentials.PURPOSES:
        raise NotFound("not_found")
    settings = current_runtime().settings
    with current_runtime().db.reading() as session:
        return {"jwt": credentials.status_list(session, purpose, settings.public_url, settings.issuer_name,
                                               settings.badge_signing_secret.get_secret_value(), utcnow())}
