"""Configuration and wiring: one store and fault plan shared by SMTP and HTTP."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from werkzeug.serving import BaseWSGIServer, make_server

from .faults import FaultPlan
from .http import create_app
from .smtp import SinkController, make_smtp_controller
from .store import MailStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SinkConfig:
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025  # 0 picks a free port (used by the tests)
    http_port: int = 8025  # 0 picks a free port
    mail_dir: Path = Path("var/mail")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "SinkConfig":
        env = os.environ if environ is None else environ
        # Same variable names the portal's mail sender reads, so the defaults of
        # both sides agree without extra setup.
        return cls(
            smtp_host=env.get("WSCC_SMTP_HOST") or cls.smtp_host,
            smtp_port=_port(env, "WSCC_SMTP_PORT", cls.smtp_port),
            http_port=_port(env, "WSCC_SMTP_SINK_HTTP_PORT", cls.http_port),
            mail_dir=Path(env.get("WSCC_SMTP_SINK_DIR") or cls.mail_dir),
        )


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if not value:
        return default
    try:
        port = int(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise ValueError(f"{name}={value!r} is not a port number")
    return port


class Sink:
    """The running pair of servers. Use start()/stop() or a `with` block."""

    def __init__(self, config: SinkConfig) -> None:
        self.config = config
        self.store = MailStore(config.mail_dir)
        self.faults = FaultPlan()
        self.app = create_app(self.store, self.faults)
        self._smtp: SinkController | None = None
        self._http: BaseWSGIServer | None = None
        self._http_thread: threading.Thread | None = None

    @property
    def smtp_host(self) -> str:
        return self.config.smtp_host

    @property
    def smtp_port(self) -> int:
        if self._smtp is None:
            raise RuntimeError("sink not started")
        return self._smtp.port

    @property
    def http_port(self) -> int:
        if self._http is None:
            raise RuntimeError("sink not started")
        return self._http.server_port

    @property
    def http_url(self) -> str:
        host = self.config.smtp_host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.http_port}"

    def start(self) -> "Sink":
        smtp = make_smtp_controller(
            self.store, self.faults, self.config.smtp_host, self.config.smtp_port
        )
        smtp.start()
        self._smtp = smtp
        try:
            # The HTTP API binds to the SMTP host: both are meant to be local-only.
            self._http = make_server(
                self.config.smtp_host, self.config.http_port, self.app, threaded=True
            )
        except BaseException:
            self.stop()
            raise
        self._http_thread = threading.Thread(
            target=self._http.serve_forever, name="smtp-sink-http", daemon=True
        )
        self._http_thread.start()
        log.info(
            "SMTP sink: smtp://%s:%s  %s  storing in %s",
            self.smtp_host, self.smtp_port, self.http_url, self.config.mail_dir,
        )
        return self

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()  # waits for serve_forever() to return
            self._http.server_close()
            self._http = None
        if self._http_thread is not None:
            self._http_thread.join(timeout=5)
            self._http_thread = None
        if self._smtp is not None:
            self._smtp.stop()
            self._smtp = None

    def __enter__(self) -> "Sink":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def build_sink(config: SinkConfig | None = None) -> Sink:
    """Create (but do not start) a sink; `config` defaults to the environment."""
    return Sink(config if config is not None else SinkConfig.from_env())
