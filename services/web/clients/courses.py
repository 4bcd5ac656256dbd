"""The courses service (docs/internal-api.md, "courses"): the employee's course, exam and certificates, a company's
employees' progress, staff's view of candidates, sign-offs and certificates, administrators' editions, and the
public side of certificates (verification, credentials' issuer and status lists)."""
from __future__ import annotations

from typing import Any

from flask import current_app

from common.tokens import Actor
from services.web.clients.base import SYSTEM_ACTOR, InternalApi, user_actor


class CoursesApi(InternalApi):
    def __init__(self, actor: Actor | None = None) -> None:
        super().__init__(current_app.config["WSCC_SETTINGS"].courses_api_url, actor or user_actor())

    @classmethod
    def public(cls) -> CoursesApi:
        """For pages anyone may open (no one is signed in): the front door itself asks."""
        return cls(SYSTEM_ACTOR)

    # The employee: course and exam.
    def my_enrolments(self) -> list[dict]:
        return self.json("GET", "/internal/enrolments/mine")["items"]

    def enrolment(self, enrolment_id: Any) -> dict:
        return self.json("GET", f"/internal/enrolments/{enrolment_id}")

    def lesson(self, enrolment_id: Any, key: str) -> dict:
        return self.json("GET", f"/internal/enrolments/{enrolment_id}/lessons/{key}")

    def lesson_done(self, enrolment_id: Any, key: str) -> dict:
        return self.json("POST", f"/internal/enrolments/{enrolment_id}/lessons/{key}/done")

    def start_attempt(self, enrolment_id: Any) -> dict:
        return self.json("POST", f"/internal/enrolments/{enrolment_id}/attempts")

    def attempt(self, attempt_id: Any) -> dict:
        return self.json("GET", f"/internal/attempts/{attempt_id}")

    def save_answer(self, attempt_id: Any, question_id: int, chosen: list[int]) -> dict:
        return self.json("PUT", f"/internal/attempts/{attempt_id}/answers/{question_id}", json={"chosen": chosen})

    def submit(self, attempt_id: Any) -> dict:
        return self.json("POST", f"/internal/attempts/{attempt_id}/submit")

    # The employee: certificates.
    def my_certificates(self) -> list[dict]:
        return self.json("GET", "/internal/certificates/mine")["items"]

    def credential(self, number: str) -> str:
        return self.json("GET", f"/internal/certificates/{number}/credential")["jwt"]

    # Anyone.
    def verification(self, number: str) -> dict:
        return self.json("GET", f"/internal/certificates/{number}/verification")

    def issuer(self) -> dict:
        return self.json("GET", "/internal/credentials/issuer")

    def achievement(self, code: str, language: str) -> dict:
        return self.json("GET", f"/internal/credentials/achievements/{code}", params={"lang": language})

    def status_list(self, purpose: str) -> str:
        return self.json("GET", f"/internal/credentials/status/{purpose}")["jwt"]

    # A company.
    def company_progress(self, license_ids: list[str] | None = None) -> list[dict]:
        return self.json("GET", "/internal/companies/mine/progress",
                         params={"license_id": license_ids or []})["items"]

    # WSCC staff.
    def candidate(self, employee_id: Any) -> list[dict]:
        return self.json("GET", f"/internal/staff/candidates/{employee_id}")["items"]

    def grant_attempt(self, enrolment_id: Any, reason: str) -> dict:
        return self.json("POST", f"/internal/staff/enrolments/{enrolment_id}/extra-attempt", json={"reason": reason})

    def set_accommodation(self, enrolment_id: Any, multiplier: str, reason: str) -> dict:
        return self.json("POST", f"/internal/staff/enrolments/{enrolment_id}/accommodation",
                         json={"multiplier": multiplier, "reason": reason})

    def signoffs(self) -> list[dict]:
        return self.json("GET", "/internal/staff/signoffs")["items"]

    def sign_off(self, enrolment_id: Any, note: str | None) -> dict:
        return self.json("POST", f"/internal/staff/signoffs/{enrolment_id}", json={"note": note})

    def change_certificate(self, number: str, action: str, reason: str) -> dict:
        return self.json("POST", f"/internal/staff/certificates/{number}/status",
                         json={"action": action, "reason": reason})

    def certificate_register(self) -> list[dict]:
        return self.json("GET", "/internal/staff/certificates")["items"]

    def register_entry(self, number: str) -> dict:
        """One certificate of the register, with its status history."""
        return self.json("GET", f"/internal/staff/certificates/{number}")

    # Administrators: editions.
    def courses(self) -> list[dict]:
        return self.json("GET", "/internal/admin/courses")["items"]

    def course(self, code: str) -> dict:
        return self.json("GET", f"/internal/admin/courses/{code}")

    def start_draft(self, code: str) -> dict:
        return self.json("POST", f"/internal/admin/courses/{code}/draft")

    def set_rules(self, code: str, rules: dict) -> dict:
        return self.json("PUT", f"/internal/admin/courses/{code}/draft/rules", json=rules)

    def set_course(self, code: str, modules: list[dict]) -> dict:
        return self.json("PUT", f"/internal/admin/courses/{code}/draft/course", json={"modules": modules})

    def import_bank(self, code: str, xml: bytes) -> dict:
        return self.json("PUT", f"/internal/admin/courses/{code}/draft/bank", data=xml,
                         headers={"Content-Type": "application/xml"})

    def export_bank(self, code: str, number: int) -> bytes:
        return self.call("GET", f"/internal/admin/courses/{code}/editions/{number}/bank.xml").content

    def preview(self, code: str, key: str) -> dict:
        return self.json("GET", f"/internal/admin/courses/{code}/draft/lessons/{key}/preview")

    def publish(self, code: str) -> dict:
        return self.json("POST", f"/internal/admin/courses/{code}/draft/publish")

    def discard(self, code: str) -> dict:
        return self.json("POST", f"/internal/admin/courses/{code}/draft/discard")
