"""Helpers for tests and benchmarks that use the sandbox: run it in a thread, a paypal-server-sdk client
pointed at it, a webhook receiver; `BuyerBrowser` (buyer_browser.py) walks the buyer pages.
Nothing here runs at import time."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from werkzeug.serving import WSGIRequestHandler, make_server

from .app import create_app, sandbox_of
from .buyer_browser import BuyerBrowser, Page  # noqa: F401  (re-exported)
from .config import SandboxConfig


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass


class RunningSandbox:
    """The sandbox on a free loopback port, served by a werkzeug thread."""

    def __init__(self, config: SandboxConfig | None = None, host: str = "127.0.0.1", **overrides):
        if config is None:
            config = SandboxConfig.from_env(**{"webhook_url": "", **overrides})
        elif overrides:
            config = config.updated(**overrides)
        self.app = create_app(config)
        self.sandbox = sandbox_of(self.app)
        self.server = make_server(host, 0, self.app, threaded=True, request_handler=_QuietHandler)
        self.base_url = f"http://{host}:{self.server.port}"
        self.sandbox.config = self.sandbox.config.updated(base_url=self.base_url, host=host, port=self.server.port)
        self._thread = threading.Thread(target=self.server.serve_forever, name="paypal-sandbox", daemon=True)
        self._thread.start()

    def control(self, method: str, path: str, json: dict | None = None, expect: int | None = 200):
        resp = requests.request(method, f"{self.base_url}/_sandbox/{path.lstrip('/')}", json=json, timeout=10)
        if expect is not None and resp.status_code != expect:
            raise AssertionError(f"{method} /_sandbox/{path}: {resp.status_code} {resp.text}")
        return resp.json()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.sandbox.close()


def sdk_client(base_url: str, client_id: str = "sandbox-client-id", client_secret: str = "sandbox-client-secret",
               timeout: float = 60):
    """A real PaypalServersdkClient whose base URL is the sandbox (notes §3 `LocalConfig`)."""
    from paypalserversdk.configuration import Configuration, Server
    from paypalserversdk.http.auth.o_auth_2 import ClientCredentialsAuthCredentials
    from paypalserversdk.paypal_serversdk_client import PaypalServersdkClient

    class LocalConfig(Configuration):
        def __init__(self, base, **kw):
            self._base_url = base
            super().__init__(**kw)

        def get_base_uri(self, server=Server.DEFAULT):
            return self._base_url

    creds = ClientCredentialsAuthCredentials(o_auth_client_id=client_id, o_auth_client_secret=client_secret)
    return PaypalServersdkClient(config=LocalConfig(base_url, client_credentials_auth_credentials=creds,
                                                    timeout=timeout))


@dataclass
class Delivery:
    path: str
    headers: dict
    body: bytes
    status: int

    def json(self):
        import json
        return json.loads(self.body)


class WebhookReceiver:
    """A tiny HTTP listener recording every POST; `fail_next(n)` answers 500 to the next n deliveries;
    `hold_next()` keeps the next delivery waiting for its answer until `release()`."""

    def __init__(self, host: str = "127.0.0.1"):
        self.deliveries: list[Delivery] = []
        self._failures = 0
        self._hold: threading.Event | None = None
        self._lock = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver._lock:
                    status = 500 if receiver._failures > 0 else 200
                    receiver._failures = max(0, receiver._failures - 1)
                    receiver.deliveries.append(Delivery(self.path, dict(self.headers.items()), body, status))
                    hold, receiver._hold = receiver._hold, None
                    receiver._lock.notify_all()
                if hold is not None:
                    hold.wait(30)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self.server.server_address[1]}/webhooks/paypal"
        threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True).start()

    def fail_next(self, n: int) -> None:
        with self._lock:
            self._failures = n

    def hold_next(self) -> threading.Event:
        """The next delivery is recorded at once but answered only once the returned event is set."""
        with self._lock:
            self._hold = threading.Event()
            return self._hold

    def clear(self) -> None:
        with self._lock:
            self.deliveries.clear()
            self._failures = 0

    def wait_for(self, predicate, timeout: float = 5.0, count: int = 1) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [d for d in self.deliveries if predicate(d)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no matching webhook within {timeout}s; got "
                                         f"{[d.json().get('event_type') for d in self.deliveries]}")
                self._lock.wait(left)

    def event(self, event_type: str, resource_id: str | None = None, timeout: float = 5.0) -> Delivery:
        def match(d: Delivery) -> bool:
            ev = d.json()
            return d.status == 200 and ev.get("event_type") == event_type and (
                resource_id is None or resource_id in d.body.decode())
        return self.wait_for(match, timeout)[0]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
