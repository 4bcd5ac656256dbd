"""Reading a worker's log for its handler runs: a test that proves a duplicate changed nothing must first know
that every delivery of it was handled, rather than sleep and hope."""
from __future__ import annotations

import re


def handler_runs(worker_log: str, task: str, event_ids: set[str] | None = None) -> tuple[set[str], set[str]]:
    """Ids of the runs of ``task`` the worker received (of these events, if given) and of those it finished."""
    line_pattern = re.compile(rf"Task {re.escape(task)}\[([0-9a-f-]+)\] (received|succeeded)")
    received, finished = set(), set()
    for line in worker_log.splitlines():
        match = line_pattern.search(line)
        if match and match.group(2) == "succeeded":
            finished.add(match.group(1))
        elif match and (event_ids is None or any(event_id in line for event_id in event_ids)):
            received.add(match.group(1))
    return received, finished & received


def all_runs_finished(worker_log: str, task: str, event_ids: set[str] | None = None, at_least: int = 1) -> bool:
    received, finished = handler_runs(worker_log, task, event_ids)
    return len(received) >= at_least and received == finished
