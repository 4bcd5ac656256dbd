"""Courses and exams for the front door's tests: a certification of the test's own (its edition published straight
into the courses service's database, as tests/integration/courses does), an employee's enrolment opened by the
license.redeemed event the licenses service would publish, and exam attempts taken through the courses API with the
employee's token, as the employee's own pages would."""
from __future__ import annotations

import uuid

from common.clock import utcnow
from common.events import new_event
from common.messaging import EventPublisher
from services.courses import editions
from services.courses.rules import Rules
from tests.integration.courses.support import Candidate, answer_all, sample_bank, sample_course
from tests.integration.web.support import wait_for

RULES = Rules(questions_per_attempt=4, pass_mark_percent=75, time_limit_minutes=10, attempts_allowed=2,
              wait_between_attempts_hours=0, access_days=42, signoff_required=False, certificate_valid_months=60)


class Courses:
    """The courses service of this run: its database, its API as an employee, and the broker to publish on."""

    def __init__(self, stack, runtime) -> None:
        self.runtime = runtime
        self.db = runtime.db
        self.url = stack.url("COURSES_PORT")
        self.secret = self.runtime.settings.internal_token_secret.get_secret_value()
        self.publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")

    def close(self) -> None:
        self.publisher.close()

    def certification(self, rules: Rules = RULES, *, defaults: bool = False, sample: bool = False) -> dict:
        """A certification of the test's own, its first edition published (with BC's default rules if asked)."""
        code = f"test_{uuid.uuid4().hex[:12]}"
        with self.db.unit_of_work() as session:
            edition = editions.new_edition(session, code, None if defaults else rules, utcnow(), sample=sample)
            editions.set_lessons(session, edition, sample_course(code))
            editions.set_questions(session, edition, sample_bank(3 * edition.questions_per_attempt))
            editions.publish(session, edition, uuid.uuid4(), utcnow())
        return {"code": code, "name_en": f"Test Certification {code[-4:]}", "name_fr": f"Certification d'essai {code[-4:]}"}

    def candidate(self, employee_id: uuid.UUID | str, company_id: uuid.UUID | str) -> Candidate:
        return Candidate(self.url, self.secret, uuid.UUID(str(employee_id)), uuid.UUID(str(company_id)))

    def enrol(self, candidate: Candidate, certification: dict, license_id: uuid.UUID | str | None = None) -> dict:
        """The license.redeemed the licenses service publishes when the employee uses their license; the enrolment
        the courses worker opens for it."""
        license_id = str(license_id or uuid.uuid4())
        event = new_event("license.redeemed", {"license_id": license_id, "company_id": str(candidate.company_id),
                                               "employee_id": str(candidate.employee_id), "at": utcnow().isoformat(),
                                               "certification": certification})
        self.publisher.publish(event.as_message())
        found = wait_for(lambda: [item for item in candidate.enrolments() if item["license_id"] == license_id])
        assert found, "the courses worker opened no enrolment"
        return found[0]

    def sit_exam(self, candidate: Candidate, enrolment_id: str, right: int) -> dict:
        """One attempt with ``right`` questions of 4 answered right, submitted: its result."""
        started = candidate.start(enrolment_id)
        assert started.status_code == 201, started.text
        attempt = started.json()
        answer_all(candidate, self.db, attempt, right)
        submitted = candidate.submit(attempt["id"])
        assert submitted.status_code == 200, submitted.text
        return submitted.json()


def good_bank(size: int = 12) -> bytes:
    from services.courses.moodle_xml import export_bank
    return export_bank(sample_bank(size, tag=" (new)"))


def bank_with_problems() -> bytes:
    """Six good questions but the first without its French text, and an essay question (not a type we take)."""
    text = good_bank(6).decode()
    text = text.replace('&lt;span lang="fr" class="multilang"&gt;Question 1 (new) ?&lt;/span&gt;', "", 1)
    essay = ('<question type="essay"><name><text>Describe a hazard</text></name><questiontext format="html">'
             '<text>Describe one.</text></questiontext></question>')
    return text.replace("</quiz>", essay + "</quiz>").encode()


def redeemed_for(licenses_db, license_id: str, certification: dict) -> None:
    """As the licenses service records a redemption (the employee's own pages are another test's): the courses
    service's events then reach a redeemed license, which they finish."""
    from services.licenses.models import License, LicenseStatus
    with licenses_db.unit_of_work() as session:
        license_ = session.get(License, uuid.UUID(license_id))
        license_.status, license_.redeemed_at, license_.certification = LicenseStatus.REDEEMED, utcnow(), certification
