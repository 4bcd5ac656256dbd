"""The Celery app factory every service's worker uses.

Messages are kept: late acks, a task whose worker dies is requeued, one message reserved per process, publisher
confirms. Each service's tasks are named ``<service>.<name>`` and routed to its queue ``<service>.tasks``. A
worker with event handlers also consumes ``<service>.events`` (plain JSON events from the topic exchange) and
starts one handler task per event and handler.

A worker's app owns its runtime: ``app.runtime()`` is the runtime of the worker process that runs the task, built
there on first use from the ``open_runtime`` the worker module gave (common/runtime.py: ``ProcessRuntime``).
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import Celery, Task, bootsteps, signals
from kombu import Consumer

from common.clock import parse_instant
from common.events import InvalidEvent, parse_event
from common.handlers import EventHandlers, PermanentEventError
from common.inbox import claim_event
from common.logs import configure_logging, current_correlation_id, set_correlation_id
from common.messaging import declare_topology, drop_stale_bindings, events_queue
from common.runtime import ProcessRuntime, ServiceRuntime
from common.settings import ServiceSettings

log = logging.getLogger(__name__)

RETRY_BACKOFF_MAX_SECONDS = 600
# Not "correlation_id": Celery fills request.correlation_id with the task id itself.
CORRELATION_HEADER = "wscc_correlation_id"


def celery_process_name(service: str) -> str:
    """The Procfile's name of this process, for its log file: ``scheduler``, ``flower`` or ``<service>-worker``."""
    for command in ("beat", "flower"):
        if command in sys.argv:
            return "scheduler" if command == "beat" else "flower"
    return f"{service}-worker"


def event_summary(argument: Any) -> Any:
    """What Flower and the logs show of a task argument: an event only by its type and id (no personal data)."""
    if isinstance(argument, dict) and {"type", "id", "data"} <= argument.keys():
        return {"type": argument["type"], "id": argument["id"]}
    return argument


class EventHandlerTask(Task):
    """Shows its event argument only by type and id, in Flower and in task logs, on the first send and on every
    retry (a retry sends the arguments anew, so ``argsrepr`` is set here rather than by the first sender)."""

    def apply_async(self, args: Any = None, kwargs: Any = None, **options: Any) -> Any:
        if args:
            options["argsrepr"] = repr([event_summary(argument) for argument in args])
        return super().apply_async(args, kwargs, **options)


def route_by_service(name: str, args: Any, kwargs: Any, options: Any, task: Any = None, **_: Any) -> dict:
    """``orders.reconcile`` goes to ``orders.tasks``: the owning service's queue, from any sender."""
    return {"queue": f"{name.split('.', 1)[0]}.tasks"}


def create_celery(service: str, settings: ServiceSettings,
                  open_runtime: Callable[[], ServiceRuntime] | None = None,
                  handlers: EventHandlers | None = None) -> Celery:
    """A service's Celery app. Without ``open_runtime`` it only sends tasks (a scheduler, an API process)."""
    app = Celery(service, set_as_current=False)
    app.conf.update(
        broker_url=settings.broker_url,
        broker_transport_options={"confirm_publish": True},
        broker_connection_retry_on_startup=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=f"{service}.tasks",
        task_routes=(route_by_service,),
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        worker_send_task_events=True,
        task_send_sent_event=True,
        worker_hijack_root_logger=False,
        timezone="UTC",
        enable_utc=True,
    )
    _connect_signals(service, settings)
    if open_runtime is not None:
        app.runtime = _process_runtime(open_runtime)
        _register_outbox_sweep(app, service, app.runtime)
    if open_runtime is not None and handlers is not None:
        _register_handlers(app, service, app.runtime, handlers)
        app.steps["consumer"].add(_events_consumer_step(app, service, settings, handlers))
    return app


def _process_runtime(open_runtime: Callable[[], ServiceRuntime]) -> ProcessRuntime:
    runtime = ProcessRuntime(open_runtime)
    # Weakly held (the default): the signal keeps no app alive, and each app's own runtime is forgotten.
    signals.worker_process_init.connect(runtime.forget_inherited)
    return runtime


def _connect_signals(service: str, settings: ServiceSettings) -> None:
    def setup_logging(**_: Any) -> None:
        configure_logging(service, settings, process=celery_process_name(service))

    def add_correlation_header(headers: dict | None = None, **_: Any) -> None:
        if headers is not None and current_correlation_id():
            headers[CORRELATION_HEADER] = current_correlation_id()

    def adopt_correlation_id(task: Any = None, **_: Any) -> None:
        request = task.request if task is not None else None
        value = getattr(request, CORRELATION_HEADER, None) or ((request and request.headers) or {}).get(
            CORRELATION_HEADER)
        set_correlation_id(value)

    signals.setup_logging.connect(setup_logging, weak=False, dispatch_uid=f"{service}.logging")
    signals.before_task_publish.connect(add_correlation_header, weak=False, dispatch_uid="wscc.correlation.publish")
    signals.task_prerun.connect(adopt_correlation_id, weak=False, dispatch_uid="wscc.correlation.prerun")


def _register_outbox_sweep(app: Celery, service: str, runtime: Callable[[], ServiceRuntime]) -> None:
    @app.task(name=f"{service}.sweep_outbox")
    def sweep_outbox(now: str | None = None) -> int:
        """Publish events that the post-commit publish missed (broker down, process killed)."""
        return runtime().relay.sweep(older_than=timedelta(seconds=5), now=parse_instant(now))


def _register_handlers(app: Celery, service: str, runtime: Callable[[], ServiceRuntime],
                       handlers: EventHandlers) -> None:
    for event_type, functions in handlers.by_type.items():
        for function in functions:
            _register_handler_task(app, runtime, handlers.task_name(function), function)


def _register_handler_task(app: Celery, runtime: Callable[[], ServiceRuntime], name: str, function: Any) -> None:
    @app.task(name=name, bind=True, base=EventHandlerTask, autoretry_for=(Exception,),
              dont_autoretry_for=(PermanentEventError,), retry_backoff=True,
              retry_backoff_max=RETRY_BACKOFF_MAX_SECONDS, retry_jitter=True, max_retries=20)
    def handle(self: Any, message: dict) -> str:
        event = parse_event(message)
        set_correlation_id(event.correlation_id)
        service = runtime()
        with service.db.unit_of_work() as session:
            if not claim_event(session, service.inbox_model, name, event):
                log.info("event already handled", extra={"event_id": str(event.id), "handler": name})
                return "duplicate"
            function(session, event.payload(), event)
        return "handled"

    handle.__doc__ = function.__doc__


def _events_consumer_step(app: Celery, service: str, settings: ServiceSettings,
                          handlers: EventHandlers) -> type[bootsteps.ConsumerStep]:
    class EventsConsumer(bootsteps.ConsumerStep):
        """Reads ``<service>.events`` and starts one handler task per (event, handler)."""

        def get_consumers(self, channel: Any) -> list[Consumer]:
            declare_topology(channel, settings.events_exchange)
            drop_stale_bindings(channel, settings.events_exchange, service)
            queue = events_queue(settings.events_exchange, service)
            return [Consumer(channel, queues=[queue], callbacks=[self.on_message], accept=["json"],
                             prefetch_count=16)]

        def on_message(self, body: Any, message: Any) -> None:
            try:
                event = parse_event(body)
            except InvalidEvent as error:
                log.error("unreadable event sent to the dead-letter queue", extra={"reason": str(error)})
                message.reject(requeue=False)
                return
            set_correlation_id(event.correlation_id)
            for function in handlers.by_type.get(event.type, []):
                app.tasks[handlers.task_name(function)].apply_async(args=[event.as_message()])
            message.ack()

    return EventsConsumer
