"""The console's lines, record by record (the processes themselves: tests/integration/test_console_logs.py)."""
import logging

from common.console_logs import ConsoleFormatter, is_chatter


def record(name: str, level: int, message: str, *args: object, **extra: object) -> logging.LogRecord:
    made = logging.LogRecord(name, level, __file__, 1, message, args or None, None)
    made.__dict__.update(extra)
    return made


def printed(made: logging.LogRecord) -> str:
    return ConsoleFormatter().format(made)


def test_a_request_is_method_route_status_and_duration():
    line = printed(record("services.web.requests", logging.INFO, "request", method="GET", route="/dashboard",
                          status=200, duration_ms=12.5, correlation_id="abc", service="web"))
    assert line == "GET /dashboard 200 12.5ms"


def test_a_warning_stands_out_and_an_info_line_does_not():
    assert printed(record("x", logging.WARNING, "payment held", order_id="o-1")) == \
        "!! WARNING: payment held order_id=o-1"
    assert printed(record("x", logging.ERROR, "e-mail failed for good")).startswith("!! ERROR: ")
    assert not printed(record("x", logging.INFO, "e-mail sent")).startswith("!!")


def test_a_long_or_many_line_record_prints_one_short_line():
    assert printed(record("flower", logging.INFO, "Registered tasks: \n['a',\n 'b']")) == "Registered tasks: …"
    assert len(printed(record("x", logging.INFO, "x" * 500))) == 160


def task_done(return_value: str) -> logging.LogRecord:
    data = {"name": "licenses.sweep_outbox", "id": "1", "return_value": return_value, "runtime": 0.012}
    return record("celery.app.trace", logging.INFO, "Task %(name)s[%(id)s] succeeded in %(runtime)ss: "
                  "%(return_value)s", data, data=data)


def test_sweeps_that_found_nothing_and_celerys_chatter_stay_quiet():
    for nothing in ("0", "None", "{'captured': 0, 'expired': 0}", "[]"):
        assert is_chatter(task_done(nothing)), nothing
    assert is_chatter(record("celery.worker.strategy", logging.INFO, "Task x[1] received"))
    assert is_chatter(record("celery.beat", logging.INFO, "Scheduler: Sending due task %s (%s)", "a", "b"))


def test_a_task_that_did_something_is_one_line():
    assert not is_chatter(task_done("3"))
    assert printed(task_done("3")) == "licenses.sweep_outbox: 3 (0.01s)"
    assert printed(task_done("'handled'")) == "licenses.sweep_outbox: 'handled' (0.01s)"
