"""The certifications and the documents each requires: read by everyone, changed by an administrator."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.clock import utcnow
from common.events.schemas import Certification as CertificationData
from common.refusals import Invalid
from services.applications.models import Certification, Requirement

CODE = re.compile(r"^[a-z0-9_]{2,60}$")
NAME_MAX, DESCRIPTION_MAX, REQUIREMENTS_MAX = 200, 2000, 30


def requirement_json(requirement: Requirement) -> dict:
    return {"code": requirement.code, "name_en": requirement.name_en, "name_fr": requirement.name_fr,
            "description_en": requirement.description_en, "description_fr": requirement.description_fr}


def certification_summary(certification: Certification) -> dict:
    return {"code": certification.code, "name_en": certification.name_en, "name_fr": certification.name_fr}


def certification_json(certification: Certification) -> dict:
    return certification_summary(certification) | {
        "requirements": [requirement_json(requirement) for requirement in certification.requirements]}


def certification_data(certification: Certification) -> CertificationData:
    """The certification as events carry it."""
    return CertificationData(**certification_summary(certification))


def all_certifications(session: Session) -> list[Certification]:
    return list(session.scalars(select(Certification).order_by(Certification.position, Certification.code)))


def find_certification(session: Session, code: Any) -> Certification | None:
    if not isinstance(code, str) or not CODE.match(code):
        return None
    return session.get(Certification, code)


def replace_certification(session: Session, code: str, payload: dict) -> Certification:
    """Set the names and the full list of requirements of a certification, creating it if new.

    Documents already uploaded keep their requirement code; an application's missing documents always follow
    the current list.
    """
    if not CODE.match(code):
        raise Invalid("invalid_certification", {"code": "invalid"})
    names, requirements = _checked(payload)
    certification = session.get(Certification, code, with_for_update=True)
    if certification is None:
        position = (session.scalar(select(func.max(Certification.position))) or 0) + 1
        certification = Certification(code=code, position=position, requirements=[])
        session.add(certification)
    certification.name_en, certification.name_fr = names
    certification.updated_at = utcnow()
    existing = {requirement.code: requirement for requirement in certification.requirements}
    kept = []
    for position, values in enumerate(requirements, start=1):
        requirement = existing.get(values["code"]) or Requirement(code=values["code"])
        requirement.position = position
        for field in ("name_en", "name_fr", "description_en", "description_fr"):
            setattr(requirement, field, values[field])
        kept.append(requirement)
    certification.requirements = kept
    session.flush()
    return certification


def _text(value: Any, maximum: int, required: bool) -> tuple[str, str | None]:
    if value is None:
        value = ""
    if not isinstance(value, str):
        return "", "invalid"
    value = value.strip()
    if required and not value:
        return value, "required"
    return value, ("too_long" if len(value) > maximum else None)


def _checked(payload: dict) -> tuple[tuple[str, str], list[dict]]:
    errors: dict[str, str] = {}
    names = []
    for field in ("name_en", "name_fr"):
        value, error = _text(payload.get(field), NAME_MAX, required=True)
        names.append(value)
        if error:
            errors[field] = error
    raw_requirements = payload.get("requirements")
    if not isinstance(raw_requirements, list) or len(raw_requirements) > REQUIREMENTS_MAX:
        errors["requirements"] = "invalid"
        raw_requirements = []
    requirements, seen = [], set()
    for index, raw in enumerate(raw_requirements):
        if not isinstance(raw, dict):
            errors[f"requirements.{index}"] = "invalid"
            continue
        values = {}
        code = raw.get("code")
        if not isinstance(code, str) or not CODE.match(code):
            errors[f"requirements.{index}.code"] = "invalid"
        elif code in seen:
            errors[f"requirements.{index}.code"] = "duplicate"
        else:
            seen.add(code)
        values["code"] = code
        for field, maximum, required in (("name_en", NAME_MAX, True), ("name_fr", NAME_MAX, True),
                                         ("description_en", DESCRIPTION_MAX, False),
                                         ("description_fr", DESCRIPTION_MAX, False)):
            values[field], error = _text(raw.get(field), maximum, required)
            if error:
                errors[f"requirements.{index}.{field}"] = error
        requirements.append(values)
    if errors:
        raise Invalid("invalid_certification", errors)
    return (names[0], names[1]), requirements
