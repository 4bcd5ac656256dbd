"""Talking to the applications API the way the front door does, and watching what the service published."""
from __future__ import annotations

import io
import json
import struct
import time
import uuid
import zlib
from typing import Any

import requests
from kombu import Connection, Exchange, Queue, binding

from common.tokens import Actor, issue_token
from tests.waiting import wait_for  # noqa: F401 - the tests of this folder import it from here

# The smallest files each accepted type starts like; the PNG is a whole, valid 1×1 image.
PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))



class ApplicationsApi:
    """docs/internal-api.md, "applications", called for one acting user."""

    def __init__(self, base_url: str, secret: str, role: str = "employee", user_id: uuid.UUID | None = None,
                 language: str = "en", company_id: str | None = None):
        self.base_url, self.secret, self.role, self.language = base_url, secret, role, language
        self.user_id = user_id or uuid.uuid4()
        self.company_id = company_id

    def acting_as(self, role: str, language: str = "en", user_id: uuid.UUID | None = None) -> ApplicationsApi:
        company = str(uuid.uuid4()) if role == "company" else None
        return ApplicationsApi(self.base_url, self.secret, role, user_id, language, company)

    def headers(self) -> dict[str, str]:
        token = issue_token(self.secret, Actor(user_id=str(self.user_id), role=self.role,
                                               company_id=self.company_id, language=self.language))
        return {"Authorization": f"Bearer {token}", "X-Correlation-ID": uuid.uuid4().hex}

    def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return requests.request(method, self.base_url + path, json=body, headers=self.headers(), timeout=60,
                                **kwargs)

    def complete_course(self) -> None:
        for module in self.call("GET", "/internal/intro-course").json()["modules"]:
            response = self.call("POST", f"/internal/intro-course/modules/{module['key']}/viewed")
            assert response.status_code == 200, response.text

    def apply(self, certification_code: str = "supervisor_1_surface") -> dict:
        """Applying needs the introduction course: it is taken first (again is harmless)."""
        self.complete_course()
        response = self.call("POST", "/internal/applications", {"certification_code": certification_code})
        assert response.status_code == 201, response.text
        return response.json()

    def upload(self, application_id: str, requirement_code: str, content: bytes,
               filename: str = "scan.pdf", declared_type: str = "application/pdf") -> requests.Response:
        return requests.post(f"{self.base_url}/internal/applications/{application_id}/documents",
                             headers=self.headers(), timeout=60, data={"requirement_code": requirement_code},
                             files={"file": (filename, io.BytesIO(content), declared_type)})

    def upload_all(self, application: dict) -> None:
        for requirement in application["requirements"]:
            response = self.upload(application["id"], requirement["code"], PDF_BYTES)
            assert response.status_code == 201, response.text

    def submit(self, application_id: str) -> requests.Response:
        return self.call("POST", f"/internal/applications/{application_id}/submit")

    def show(self, application_id: str) -> requests.Response:
        return self.call("GET", f"/internal/applications/{application_id}")

    def decide(self, application_id: str, action: str, body: dict | None = None) -> requests.Response:
        return self.call("POST", f"/internal/review/applications/{application_id}/{action}",
                         {"reviewer_name": "Rita Reviewer", **(body or {})})

    def submitted_application(self, certification_code: str = "supervisor_1_surface") -> dict:
        application = self.apply(certification_code)
        self.upload_all(application)
        response = self.submit(application["id"])
        assert response.status_code == 200, response.text
        return response.json()


class PublishedEvents:
    """A queue of our own on the run's vhost, bound to what this service publishes: what the broker carried."""

    ROUTING_KEYS = ("application.*", "intro_course.*")

    def __init__(self, broker_url: str, exchange: str = "wscc.events"):
        self.connection = Connection(broker_url)
        topic = Exchange(exchange, type="topic", durable=True)
        self.queue = Queue(f"applications-tests-{uuid.uuid4().hex[:8]}", exclusive=True, auto_delete=True,
                           bindings=[binding(topic, routing_key=key) for key in self.ROUTING_KEYS])
        self.queue = self.queue(self.connection.channel())
        topic(self.queue.channel).declare()
        self.queue.declare()
        self.seen: list[dict] = []

    def about(self, key: str, value: str, settle_seconds: float = 0.5, timeout: float = 10,
              expected: int = 1) -> list[dict]:
        """Every event whose data[key] is value: waits for the expected number, then a little for any extra."""
        deadline = time.monotonic() + timeout
        quiet_until = None
        while time.monotonic() < deadline and (quiet_until is None or time.monotonic() < quiet_until):
            message = self.queue.get(no_ack=True)
            if message is not None:
                self.seen.append(json.loads(message.body))
                continue
            if quiet_until is None and len(self._matching(key, value)) >= expected:
                quiet_until = time.monotonic() + settle_seconds
            time.sleep(0.05)
        return self._matching(key, value)

    def _matching(self, key: str, value: str) -> list[dict]:
        return [event for event in self.seen if event["data"].get(key) == value]

    def close(self) -> None:
        self.connection.release()
