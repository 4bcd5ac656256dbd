"""Waiting for asynchronous work (events, workers, e-mails) in tests: poll until a condition holds."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(condition: Callable[[], T], timeout: float = 15, interval: float = 0.05) -> T:
    """The condition's first truthy value, or its last value once ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def waiting_messages(broker_url: str, queues: tuple[str, ...]) -> int:
    """Messages not yet taken from these queues (a queue not declared yet holds none)."""
    from kombu import Connection
    waiting = 0
    with Connection(broker_url) as connection:
        for queue in queues:
            channel = connection.channel()
            try:
                waiting += channel.queue_declare(queue=queue, passive=True).message_count
            except connection.channel_errors:
                pass
            finally:
                try:
                    channel.close()
                except connection.channel_errors + connection.connection_errors:
                    pass
    return waiting


def caught_up(broker_url: str, service: str, timeout: float = 180) -> None:
    """Once a worker that may only have started now has taken every event and task the run's earlier tests left for
    it: a test's own message must not wait behind hundreds of theirs."""
    queues = (f"{service}.events", f"{service}.tasks")
    assert wait_for(lambda: waiting_messages(broker_url, queues) == 0, timeout=timeout, interval=0.5), \
        f"the {service} worker did not catch up with the run's earlier events"
