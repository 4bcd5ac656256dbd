"""200 candidates sitting one exam at once through the front door, beside its trivial endpoint in the same run.

    python -m bench.exam [--candidates 200]

Each candidate is a signed-in browser session (cookie and CSRF token, as the exam page's script sends them). Set
up outside the measure: accounts confirmed, licenses redeemed (the event), lessons done, the exam started. Then
every candidate saves each answer as it goes (``PUT /exam/<attempt>/answers/<question>``, what the page sends when an
answer changes), all at once, and submits (``POST /exam/<attempt>/submit``, then the result page). Printed: the
answer-save p50 and p99, submit-to-result p50 and p99, and the same sessions calling ``GET /healthz`` in the same
pattern (what the front door costs with no work at all).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import select

from bench.baselines import percentile
from common.clock import utcnow
from common.messaging import EventPublisher
from common.events import new_event
from common.tokens import Actor, issue_token
from tools.dev.stack import ROOT, Processes, Stack

PROCESSES = ("web", "courses-api", "courses-worker")
CERTIFICATION = {"code": "supervisor_1_surface", "name_en": "Supervisor Level I – Surface",
                 "name_fr": "Surveillant, niveau I – surface"}
PASSWORD = "bench-candidate-passphrase-2026"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_candidates(count: int) -> list[dict]:
    """Confirmed employee accounts (employee.registered published), sharing one password hash."""
    from services.web.accounts.employees import EmployeeDetails, new_employee
    from services.web.accounts.passwords import hash_password
    from services.web.accounts.registration import confirm_account
    from services.web.runtime import open_runtime

    runtime, password_hash, people = open_runtime(), hash_password(PASSWORD), []
    try:
        with runtime.db.unit_of_work() as session:
            for number in range(count):
                email = f"candidate{number}-{uuid.uuid4().hex[:6]}@bench.example"
                user = new_employee(session, EmployeeDetails(f"Candidate {number}", email, "867-555-0100", "en"),
                                    password_hash)
                confirm_account(session, user)
                people.append({"employee_id": user.id, "email": email})
    finally:
        runtime.close()
    return people


def redeem(stack: Stack, people: list[dict]) -> None:
    publisher = EventPublisher(stack.env()["WSCC_BROKER_URL"], "wscc.events")
    try:
        for person in people:
            person["license_id"] = uuid.uuid4()
            publisher.publish(new_event("license.redeemed", {
                "license_id": str(person["license_id"]), "company_id": str(uuid.uuid4()),
                "employee_id": str(person["employee_id"]), "at": utcnow().isoformat(),
                "certification": CERTIFICATION}).as_message())
    finally:
        publisher.close()


def finish_courses(stack: Stack, people: list[dict]) -> None:
    """Wait for each enrolment, then mark its lessons done through the courses API (set-up, not measured)."""
    from services.courses.models import Enrolment, Lesson
    from services.courses.runtime import open_runtime

    runtime = open_runtime()
    secret = runtime.settings.internal_token_secret.get_secret_value()
    wanted = {person["license_id"]: person for person in people}
    deadline = time.monotonic() + 300
    try:
        while True:
            with runtime.db.reading() as session:
                rows = session.execute(select(Enrolment.license_id, Enrolment.id, Enrolment.edition_id)
                                       .where(Enrolment.license_id.in_(wanted))).all()
                if len(rows) == len(wanted):
                    keys = list(session.scalars(select(Lesson.key).where(Lesson.edition_id == rows[0][2])))
                    break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(rows)} of {len(wanted)} enrolments opened")
            time.sleep(0.2)
    finally:
        runtime.close()
    base = stack.url("COURSES_PORT")
    for license_id, enrolment_id, _ in rows:
        person = wanted[license_id]
        person["enrolment_id"] = enrolment_id
        token = issue_token(secret, Actor(user_id=str(person["employee_id"]), role="employee"))
        person["token"] = token
        with requests.Session() as http:
            for key in keys:
                http.post(f"{base}/internal/enrolments/{enrolment_id}/lessons/{key}/done", timeout=60,
                          headers={"Authorization": f"Bearer {token}"}).raise_for_status()


def sign_in_and_start(stack: Stack, person: dict) -> None:
    """A browser session signed in, its exam started through the front door; the attempt's questions noted."""
    web, http = stack.url("WEB_PORT"), requests.Session()
    page = http.get(f"{web}/login", timeout=60)
    answer = http.post(f"{web}/login", timeout=60, allow_redirects=False, data={
        "csrf_token": CSRF.search(page.text).group(1), "email": person["email"], "password": PASSWORD})
    assert answer.status_code in (302, 303), answer.status_code
    exam = http.get(f"{web}/course/{person['enrolment_id']}/exam", timeout=60)
    person["csrf"] = CSRF.search(exam.text).group(1)
    started = http.post(f"{web}/course/{person['enrolment_id']}/exam", data={"csrf_token": person["csrf"]},
                        timeout=60, allow_redirects=False)
    person["attempt_id"] = re.search(r"/exam/([0-9a-f-]{36})/", started.headers["Location"]).group(1)
    attempt = requests.get(f"{stack.url('COURSES_PORT')}/internal/attempts/{person['attempt_id']}", timeout=60,
                           headers={"Authorization": f"Bearer {person['token']}"}).json()
    person["answers"] = [(question["question_id"], [question["options"][0]["id"]])
                         for question in attempt["questions"]]
    person["http"] = http


def all_at_once(people: list[dict], work) -> list[float]:
    """Every candidate's calls on its own thread, started together; each call's latency in milliseconds."""
    latencies: list[float] = []
    lock, start = threading.Lock(), threading.Barrier(len(people))

    def candidate(person: dict) -> None:
        start.wait()
        for latency in work(person):
            with lock:
                latencies.append(latency)

    with ThreadPoolExecutor(len(people)) as pool:
        list(pool.map(candidate, people))
    return latencies


def timed(call) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code} {response.text[:200]}")
    return elapsed


def save_answers(stack: Stack):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        for question_id, chosen in person["answers"]:
            yield timed(lambda: person["http"].put(
                f"{web}/exam/{person['attempt_id']}/answers/{question_id}", json={"chosen": chosen}, timeout=60,
                headers={"X-CSRFToken": person["csrf"]}))
    return work


def health(stack: Stack, calls: int):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        for _ in range(calls):
            yield timed(lambda: person["http"].get(f"{web}/healthz", timeout=60))
    return work


def submit(stack: Stack):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        yield timed(lambda: person["http"].post(f"{web}/exam/{person['attempt_id']}/submit", timeout=60,
                                                data={"csrf_token": person["csrf"]}))  # follows to the result page
    return work


def summary(latencies: list[float]) -> dict:
    return {"calls": len(latencies), "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1)}


def run(candidates: int) -> dict:
    stack = Stack.for_tests(f"benchexam{uuid.uuid4().hex[:6]}")
    stack.prepare()
    os.environ.update(stack.env())
    processes = Processes(stack)
    try:
        processes.ensure(*PROCESSES, timeout=120)
        people = make_candidates(candidates)
        redeem(stack, people)
        finish_courses(stack, people)
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda person: sign_in_and_start(stack, person), people))
        questions = len(people[0]["answers"])
        baseline = all_at_once(people, health(stack, questions))
        saves = all_at_once(people, save_answers(stack))
        results = all_at_once(people, submit(stack))
        return {"candidates": candidates, "questions_each": questions,
                "answer_save": summary(saves), "submit_to_result": summary(results),
                "baseline_healthz": summary(baseline)}
    finally:
        processes.stop_all()
        stack.destroy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    arguments = parser.parse_args()
    result = run(arguments.candidates)
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "exam.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
