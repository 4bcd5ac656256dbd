"""The console people read while ``make dev`` runs: one short line per request or handled task, quiet sweeps.

Only what is printed is shortened; the JSON log files keep every record whole (common/logs.py).
"""
from __future__ import annotations

import ast
import logging

MAX_LINE = 160
# Celery's own INFO chatter: a line per task received and per periodic task sent, every few seconds.
CHATTER = {("celery.worker.strategy", "received"), ("celery.beat", "Sending due task")}
# Attributes every LogRecord has; anything else was passed in ``extra`` and is worth a key=value.
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "service", "correlation_id", "data", "taskName"}


def is_chatter(record: logging.LogRecord) -> bool:
    if record.levelno >= logging.WARNING:
        return False
    if any(record.name == logger and fragment in str(record.msg) for logger, fragment in CHATTER):
        return True
    data = getattr(record, "data", None)
    return record.name == "celery.app.trace" and isinstance(data, dict) and "return_value" in data \
        and found_nothing(data["return_value"])


def found_nothing(return_value: str) -> bool:
    """A sweep that returned 0 (or None, or only zeros) did nothing worth a line."""
    try:
        value = ast.literal_eval(return_value)
    except (ValueError, SyntaxError):
        return False
    if isinstance(value, dict):
        return not any(value.values())
    return not value


class QuietChatter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not is_chatter(record)


class ConsoleFormatter(logging.Formatter):
    """``GET /dashboard 200 12.5ms``; a warning or error starts with ``!! WARNING`` so it stands out."""

    def format(self, record: logging.LogRecord) -> str:
        line = self._text(record)
        if "\n" in line:  # one record, one line: the rest is in the JSON file
            line = line.split("\n", 1)[0].rstrip() + " …"
        if len(line) > MAX_LINE:
            line = line[:MAX_LINE - 1] + "…"
        if record.levelno >= logging.WARNING:
            line = f"!! {record.levelname}: {line}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line

    def _text(self, record: logging.LogRecord) -> str:
        extra = {key: value for key, value in vars(record).items() if key not in STANDARD}
        if {"method", "status"} <= extra.keys():
            return _request(extra)
        data = getattr(record, "data", None)
        if record.name == "celery.app.trace" and isinstance(data, dict) and "return_value" in data:
            return f"{data['name']}: {data['return_value']} ({float(data['runtime']):.2f}s)"
        details = " ".join(f"{key}={value}" for key, value in extra.items())
        return f"{record.getMessage()} {details}".strip()


def _request(extra: dict) -> str:
    where = extra.pop("route", None) or extra.pop("path", "")
    duration = extra.pop("duration_ms", None)
    text = f"{extra.pop('method')} {where} {extra.pop('status')}"
    return f"{text} {duration}ms" if duration is not None else text
