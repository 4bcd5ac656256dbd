"""What stands around the orders service in production: the front door forwarding PayPal's webhooks, and the
consumers of its events on the broker."""
from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests
from kombu import Connection, Exchange, Queue

from tests.integration.orders.support import OrdersApi


class FrontDoor:
    """Stands in for the front door's /webhooks/paypal: forwards PayPal's raw body and PAYPAL-* headers to the
    orders API with a system token, and answers PayPal what the orders API answered.

    ``dropped`` event types are answered 200 without forwarding (a webhook that never reaches us).
    """

    def __init__(self, api: OrdersApi):
        self.api = api.as_role("system")
        self.dropped: set[str] = set()
        front_door = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = front_door.forward(self.headers, body)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhooks/paypal"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def forward(self, headers: Any, body: bytes) -> tuple[int, bytes]:
        if json.loads(body).get("event_type") in self.dropped:
            return 200, b"{}"
        paypal_headers = {name: value for name, value in headers.items() if name.upper().startswith("PAYPAL-")}
        response = requests.post(self.api.base_url + "/internal/paypal/webhooks", data=body, timeout=30,
                                 headers=self.api.headers() | paypal_headers | {"Content-Type": "application/json"})
        return response.status_code, response.content

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class PaidEvents:
    """A queue of our own on the run's vhost, bound to order.paid: what the broker really carried."""

    def __init__(self, broker_url: str, exchange: str = "wscc.events"):
        self.connection = Connection(broker_url)
        self.queue = Queue(f"orders-tests-{uuid.uuid4().hex[:8]}", Exchange(exchange, type="topic", durable=True),
                           routing_key="order.paid", exclusive=True, auto_delete=True)
        self.queue = self.queue(self.connection.channel())
        self.queue.declare()
        self.seen: list[dict] = []

    def for_order(self, order_id: str, settle_seconds: float = 0.5, timeout: float = 10) -> list[dict]:
        """Every order.paid message about this order: waits for the first, then a little for any duplicate."""
        deadline = time.monotonic() + timeout
        quiet_until = None
        while time.monotonic() < deadline and (quiet_until is None or time.monotonic() < quiet_until):
            message = self.queue.get(no_ack=True)
            if message is None:
                if quiet_until is None and self._matching(order_id):
                    quiet_until = time.monotonic() + settle_seconds
                time.sleep(0.05)
                continue
            self.seen.append(json.loads(message.body))
        return self._matching(order_id)

    def _matching(self, order_id: str) -> list[dict]:
        return [event for event in self.seen if event["data"]["order_id"] == order_id]

    def close(self) -> None:
        self.connection.release()
