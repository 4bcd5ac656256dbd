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
