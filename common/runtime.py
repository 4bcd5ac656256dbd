"""A service's long-lived parts (database, publisher, outbox relay), built by the process's entry point, never at
import: ``create_app()`` for an API, the Celery app's ``runtime()`` in a worker process, a fixture in tests."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from common.db import Database
from common.messaging import EventPublisher
from common.outbox import OutboxMixin, OutboxRelay
from common.settings import ServiceSettings

S = TypeVar("S", bound=ServiceSettings)


class ServiceRuntime(Generic[S]):
    def __init__(self, service: str, settings: S, database_url: str, outbox_model: type[OutboxMixin],
                 inbox_model: type | None = None) -> None:
        self.service = service
        self.settings = settings
        self.outbox_model = outbox_model
        self.inbox_model = inbox_model
        self.publisher = EventPublisher(settings.broker_url, settings.events_exchange)
        self.relay = OutboxRelay(outbox_model, self.publisher, settings.outbox_batch_size)
        self.db = Database(database_url, after_commit=self.relay.publish)
        self.relay.bind(self.db)

    def close(self) -> None:
        self.publisher.close()
        self.db.dispose()

    def abandon(self) -> None:
        """In a process forked from the one that built it: let go without closing anything. The pooled database
        connections and the broker socket are the parent's too; closing them here would end them for the parent."""
        self.db.engine.dispose(close=False)


class ProcessRuntime(Generic[S]):
    """The runtime of the process that calls it, built there on first use (``open_runtime``).

    A forked child (a prefork worker process) never uses a runtime its parent built: it abandons it and builds its
    own, so no engine or broker connection is shared across a fork. ``forget_inherited`` is connected to Celery's
    ``worker_process_init``; the process id check covers any other fork.
    """

    def __init__(self, open_runtime: Callable[[], ServiceRuntime[S]]) -> None:
        self._open = open_runtime
        self._lock = threading.Lock()
        self._runtime: ServiceRuntime[S] | None = None
        self._pid: int | None = None

    def __call__(self) -> ServiceRuntime[S]:
        if self._runtime is not None and self._pid != os.getpid():
            self.forget_inherited()
        with self._lock:
            if self._runtime is None:
                self._runtime, self._pid = self._open(), os.getpid()
            return self._runtime

    def forget_inherited(self, **_: Any) -> None:
        # A new lock too: a fork copies a lock in whatever state another thread of the parent held it.
        self._lock = threading.Lock()
        if self._runtime is not None and self._pid != os.getpid():
            self._runtime.abandon()
            self._runtime = self._pid = None

    def close(self) -> None:
        """Close the runtime this process built (one a parent built is only abandoned); the next call builds anew."""
        with self._lock:
            runtime, pid = self._runtime, self._pid
            self._runtime = self._pid = None
        if runtime is not None and pid == os.getpid():
            runtime.close()
        elif runtime is not None:
            runtime.abandon()
