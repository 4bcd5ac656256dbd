"""`python -m tools.smtp_sink`: run the sink until SIGTERM or Ctrl-C."""

from __future__ import annotations

import logging
import signal
import sys
import threading

from .sink import SinkConfig, build_sink


def main() -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # aiosmtpd logs every SMTP line at INFO; our handler's one line per message
    # is what a developer watching the terminal actually wants.
    mail_log = logging.getLogger("mail.log")
    mail_log.setLevel(logging.WARNING)
    # aiosmtpd 1.4 itself triggers this on every successful AUTH; it is noise.
    mail_log.addFilter(lambda record: "login_data is deprecated" not in record.getMessage())
    logging.getLogger("werkzeug").setLevel(logging.WARNING)

    try:
        config = SinkConfig.from_env()
    except ValueError as exc:
        print(f"smtp_sink: {exc}", file=sys.stderr)
        return 2

    stop = threading.Event()

    def request_stop(signum, _frame):
        logging.getLogger(__name__).info("%s received, stopping", signal.Signals(signum).name)
        stop.set()

    # Handlers go in before start() so a SIGTERM from honcho during startup
    # still leads to a clean stop instead of a traceback.
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)

    sink = build_sink(config)
    try:
        sink.start()
    except OSError as exc:
        print(f"smtp_sink: {exc}", file=sys.stderr)
        sink.stop()
        return 1
    print(
        f"SMTP sink listening on smtp://{sink.smtp_host}:{sink.smtp_port}, "
        f"web UI and API on {sink.http_url}/, mail in {config.mail_dir}",
        flush=True,
    )
    try:
        # wait() with a timeout keeps the main thread responsive to signals.
        while not stop.wait(1.0):
            pass
    finally:
        sink.stop()
    logging.getLogger(__name__).info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
