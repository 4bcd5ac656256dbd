"""The courses service as it runs: its API and worker on the run's own databases and vhost, a certification of
each test's own (published edition, known answers), and the events the service published."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest

from common.clock import utcnow
from common.events import Event, new_event
from common.messaging import EventPublisher
from services.courses.rules import Rules
from tests.integration.courses.support import Candidate, CourseEvents, publish_edition

PROCESSES = ("courses-api", "courses-worker")
RULES = Rules(questions_per_attempt=4, pass_mark_percent=75, time_limit_minutes=10, attempts_allowed=2,
              wait_between_attempts_hours=168, access_days=42, signoff_required=False, certificate_valid_months=60)


@pytest.fixture(scope="package")
def courses_system(stack, processes) -> Iterator[dict]:
    events = CourseEvents(stack.env()["WSCC_BROKER_URL"])  # bound before anything is published
    processes.ensure(*PROCESSES)
    from services.courses.runtime import open_runtime
    runtime = open_runtime()
    yield {"url": stack.url("COURSES_PORT"), "secret": runtime.settings.internal_token_secret.get_secret_value(),
           "db": runtime.db, "events": events}
    events.close()
    runtime.close()


@pytest.fixture
def db(courses_system):
    return courses_system["db"]


@pytest.fixture
def events(courses_system) -> CourseEvents:
    return courses_system["events"]


@pytest.fixture
def publish(stack, courses_system) -> Iterator[Callable[..., Event]]:
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")

    def send(event_type: str, data: dict, **kwargs) -> Event:
        event = new_event(event_type, data, **kwargs)
        publisher.publish(event.as_message())
        return event

    yield send
    publisher.close()


@pytest.fixture
def courses_task(stack, processes) -> Iterator[Callable[..., int]]:
    """Run one of the courses worker's periodic tasks in the worker itself; what it returned (a count)."""
    import re

    from common.celery_app import create_celery
    from services.courses.settings import Settings
    from tests.waiting import wait_for

    sender = create_celery("courses", Settings())

    def run(name: str, **kwargs) -> int:
        task = sender.send_task(name, kwargs=kwargs)
        found = wait_for(lambda: re.search(rf"\[{task.id}\] succeeded in [0-9.]+s: (\d+)",
                                           processes.log("courses-worker")), timeout=30)
        assert found, f"{name} did not finish:\n{processes.log('courses-worker')[-2000:]}"
        return int(found.group(1))

    yield run
    sender.close()


@pytest.fixture
def certification(db) -> dict:
    """A certification of this test's own, its first edition published with RULES."""
    code = f"test_{uuid.uuid4().hex[:12]}"
    publish_edition(db, code, RULES)
    return {"code": code, "name_en": "Test Certification", "name_fr": "Certification d'essai"}


@pytest.fixture
def candidate(courses_system) -> Candidate:
    return Candidate(courses_system["url"], courses_system["secret"], uuid.uuid4(), uuid.uuid4())


@pytest.fixture
def redeem(publish, candidate, certification) -> Callable[..., dict]:
    """The candidate's license is redeemed (and they registered): their enrolment, once the worker opened it."""
    from tests.waiting import wait_for

    def redeemed(who: Candidate = candidate, with_name: bool = True) -> dict:
        if with_name:
            publish("employee.registered", {"employee_id": str(who.employee_id), "name": "Nora Nakashuk",
                                            "email": "nora@example.com", "phone": "867-555-0100", "language": "en"})
        license_id = uuid.uuid4()
        publish("license.redeemed", {"license_id": str(license_id), "company_id": str(who.company_id),
                                     "employee_id": str(who.employee_id), "at": utcnow().isoformat(),
                                     "certification": certification})
        found = wait_for(lambda: [item for item in who.enrolments() if item["license_id"] == str(license_id)])
        assert found, "the worker opened no enrolment"
        return found[0]

    return redeemed
