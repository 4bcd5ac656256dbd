"""200 candidates sitting one exam at once through the front door, beside its trivial endpoint in the same run.

    python -m bench.exam [--candidates 200] [--think 0]

Each candidate is a signed-in browser session (cookie and CSRF token, as the exam page's script sends them). Set
up outside the measure: accounts confirmed, licenses redeemed (the event), lessons done, the exam started. Then
every candidate saves each answer as it goes (``PUT /exam/<attempt>/answers/<question>``, what the page sends when an
answer changes), all at once, and submits (``POST /exam/<attempt>/submit``, then the result page). Printed: the
answer-save p50 and p99, submit-to-result p50 and p99, and the same sessions calling ``GET /healthz`` in the same
pattern (what the front door costs with no work at all), and each call's own time inside the front door from its
request log. ``--think 5`` spreads the calls as people reading questions would (a uniform 0-10 s before each
answer, each /healthz of the baseline, and the submission); the default, 0, has every candidate call as fast as
the server lets it: the worst case.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import threading
import time
import uuid
from collections import defaultdict
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
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


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
        person["secret"] = secret
        token = employee_token(person)
        with requests.Session() as http:
            for key in keys:
                http.post(f"{base}/internal/enrolments/{enrolment_id}/lessons/{key}/done", timeout=60,
                          headers={"Authorization": f"Bearer {token}"}).raise_for_status()


def employee_token(person: dict) -> str:
    """A fresh internal token (they live a minute), as the front door issues one per call."""
    return issue_token(person["secret"], Actor(user_id=str(person["employee_id"]), role="employee"))


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
    if started.status_code != 303:
        raise RuntimeError(f"starting the exam: {started.status_code} {started.text[:300]}")
    person["attempt_id"] = re.search(r"/exam/([0-9a-f-]{36})/", started.headers["Location"]).group(1)
    answer = requests.get(f"{stack.url('COURSES_PORT')}/internal/attempts/{person['attempt_id']}", timeout=60,
                          headers={"Authorization": f"Bearer {employee_token(person)}"})
    if answer.status_code != 200:
        raise RuntimeError(f"attempt {person['attempt_id']}: {answer.status_code} {answer.text[:300]}")
    attempt = answer.json()
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


class Reconnects:
    """Calls sent again because the server closed a kept-alive connection as they were sent (gunicorn closes one
    idle for its keep-alive time, 2 s): a browser sends such a call again at once, and so does each candidate here,
    the time of both tries counted. How many there were is printed with the figures."""

    count = 0
    lock = threading.Lock()

    @classmethod
    def add(cls) -> None:
        with cls.lock:
            cls.count += 1


def timed(call) -> float:
    started = time.perf_counter()
    try:
        response = call()
    except requests.ConnectionError:
        Reconnects.add()
        response = call()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code} {response.text[:200]}")
    return elapsed


def think(pace: random.Random, think_seconds: float) -> None:
    """Reading the next question (or the review page): the workload's pacing, not a wait for the server."""
    if think_seconds:
        time.sleep(pace.uniform(0, 2 * think_seconds))


def save_answers(stack: Stack, think_seconds: float):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        pace = random.Random(person["attempt_id"])
        for question_id, chosen in person["answers"]:
            think(pace, think_seconds)
            yield timed(lambda: person["http"].put(
                f"{web}/exam/{person['attempt_id']}/answers/{question_id}", json={"chosen": chosen}, timeout=60,
                headers={"X-CSRFToken": person["csrf"]}))
    return work


def health(stack: Stack, calls: int, think_seconds: float):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        pace = random.Random(f"health {person['attempt_id']}")
        for _ in range(calls):
            think(pace, think_seconds)
            yield timed(lambda: person["http"].get(f"{web}/healthz", timeout=60))
    return work


def submit(stack: Stack, think_seconds: float):
    web = stack.url("WEB_PORT")

    def work(person: dict):
        think(random.Random(f"submit {person['attempt_id']}"), think_seconds)
        yield timed(lambda: person["http"].post(f"{web}/exam/{person['attempt_id']}/submit", timeout=60,
                                                data={"csrf_token": person["csrf"]}))  # follows to the result page
    return work


def graded(people: list[dict]) -> int:
    """The attempts the courses database holds as graded, of the candidates' (the result pages were the truth)."""
    from services.courses.models import Attempt
    from services.courses.runtime import open_runtime

    runtime = open_runtime()
    try:
        with runtime.db.reading() as session:
            return len(list(session.scalars(select(Attempt.id).where(
                Attempt.id.in_([uuid.UUID(person["attempt_id"]) for person in people]),
                Attempt.submitted_by == "candidate", Attempt.score_percent.is_not(None)))))
    finally:
        runtime.close()


SAVE_ROUTE = "/exam/<uuid:attempt_id>/answers/<int:question_id>"
SUBMIT_ROUTE = "/exam/<uuid:attempt_id>/submit"
RESULT_ROUTE = "/exam/<uuid:attempt_id>/result"


def time_inside_the_front_door(log: str) -> dict[tuple[str, str], list[float]]:
    """Each request's own time in the front door, as its request log line says (the rest of what a candidate
    waits is the queue for one of its threads: what 200 at once on two cores cost)."""
    durations: dict[tuple[str, str], list[float]] = defaultdict(list)
    for line in log.splitlines():
        if line.startswith("{") and '"route"' in line:
            record = json.loads(line)
            durations[(record["method"], record["route"])].append(record["duration_ms"])
    return durations


def summary(latencies: list[float]) -> dict:
    return {"calls": len(latencies), "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1)}


def run(candidates: int, think_seconds: float) -> dict:
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
        baseline = all_at_once(people, health(stack, questions, think_seconds))
        saves = all_at_once(people, save_answers(stack, think_seconds))
        results = all_at_once(people, submit(stack, think_seconds))
        inside = time_inside_the_front_door(processes.log("web"))
        return {"candidates": candidates, "questions_each": questions, "think_seconds": think_seconds,
                "answer_save": summary(saves), "submit_to_result": summary(results),
                "baseline_healthz": summary(baseline),
                "inside_the_front_door": {"answer_save": summary(inside[("PUT", SAVE_ROUTE)]),
                                          "submit": summary(inside[("POST", SUBMIT_ROUTE)]),
                                          "result_page": summary(inside[("GET", RESULT_ROUTE)]),
                                          "healthz": summary(inside[("GET", "/healthz")])},
                "graded_attempts": graded(people),
                "calls_sent_again_after_a_closed_connection": Reconnects.count}
    finally:
        processes.stop_all()
        stack.destroy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds each candidate spends on a question before answering it (0: none, "
                             "every answer at once)")
    arguments = parser.parse_args()
    result = run(arguments.candidates, arguments.think)
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    name = f"exam-think{arguments.think:g}.json" if arguments.think else "exam.json"
    (ROOT / "bench" / "results" / name).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
