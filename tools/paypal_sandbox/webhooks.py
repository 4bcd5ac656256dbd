"""Webhook events: building, signing per attempt, delivery by one background thread with retries."""
from __future__ import annotations

import heapq
import itertools
import json
import threading
import time
import uuid

import requests

from .ids import event_id as new_event_id
from .ids import iso

RESOURCE_TYPES = {"CHECKOUT.ORDER.APPROVED": "checkout-order", "PAYMENT.CAPTURE.REFUNDED": "refund"}
SUMMARIES = {
    "CHECKOUT.ORDER.APPROVED": "An order has been approved by buyer",
    "PAYMENT.CAPTURE.COMPLETED": "Payment completed for {amount}",
    "PAYMENT.CAPTURE.PENDING": "Payment pending for {amount}",
    "PAYMENT.CAPTURE.DENIED": "A payment capture for {amount} was denied",
    "PAYMENT.CAPTURE.DECLINED": "A payment capture for {amount} was declined",
    "PAYMENT.CAPTURE.REFUNDED": "A {amount} capture payment was refunded",
}
TAMPERS = {None, "signature", "cert_url", "body", "webhook_id"}


def _summary(event_type: str, resource: dict) -> str:
    amount = resource.get("amount") or {}
    text = f"{amount.get('currency_code', '')} {amount.get('value', '')}".strip()
    return SUMMARIES.get(event_type, event_type).format(amount=text)


def emit(sb, event_type: str, resource: dict, *, tamper: str | None = None, event_id: str | None = None,
         url: str | None = None, resource_type: str | None = None) -> dict:
    """Record a signed event and queue its delivery. Returns the stored record."""
    if tamper not in TAMPERS:
        raise ValueError(f"tamper must be one of {sorted(t for t in TAMPERS if t)}")
    eid = event_id or new_event_id()
    base = sb.base
    event = {
        "id": eid, "event_version": "1.0", "create_time": iso(sb.store.now()),
        "resource_type": resource_type or RESOURCE_TYPES.get(event_type, "capture"),
        "resource_version": "2.0", "event_type": event_type, "summary": _summary(event_type, resource),
        "resource": resource,
        "links": [{"href": f"{base}/v1/notifications/webhooks-events/{eid}", "rel": "self", "method": "GET"},
                  {"href": f"{base}/v1/notifications/webhooks-events/{eid}/resend", "rel": "resend",
                   "method": "POST"}],
    }
    target = sb.config.webhook_url if url is None else url
    record = {"id": eid, "event_type": event_type, "raw": json.dumps(event), "tamper": tamper,
              "target": target or None, "status": "pending" if target else "not_sent",
              "attempts": [], "round": 0, "round_attempts": 0, "created": iso(sb.store.now())}
    with sb.store.lock:
        sb.store.add_event(record)
    if target:
        sb.dispatcher.schedule(record["id"])
    return record


def public_view(record: dict) -> dict:
    view = {k: v for k, v in record.items() if k not in ("raw", "round", "round_attempts")}
    view["event"] = json.loads(record["raw"])
    return view


class Dispatcher:
    """One lazily started daemon thread; a heap of (due, seq, event id)."""

    def __init__(self, sb):
        self.sb = sb
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, str]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def schedule(self, event_id: str, delay: float = 0.0) -> None:
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), event_id))
            if self._thread is None or not self._thread.is_alive():
                self._stopped = False
                self._thread = threading.Thread(target=self._run, name="paypal-sandbox-webhooks", daemon=True)
                self._thread.start()
            self._cond.notify()

    def clear(self) -> None:
        with self._cond:
            self._heap.clear()

    def stop(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout)

    def pending(self) -> int:
        with self._cond:
            return len(self._heap)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and (not self._heap or self._heap[0][0] > time.monotonic()):
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._cond.wait(wait)
                if self._stopped:
                    return
                _, _, eid = heapq.heappop(self._heap)
            try:
                self._attempt(eid)
            except Exception as exc:  # never let one event kill the thread
                print(f"paypal sandbox: webhook {eid} delivery crashed: {exc!r}")

    def _headers(self, record: dict) -> tuple[dict, bytes]:
        cfg, signer = self.sb.config, self.sb.signer
        body = record["raw"].encode()
        tid, when = str(uuid.uuid1()), iso(time.time())
        tamper = record["tamper"]
        webhook_id = cfg.webhook_id + "-OTHER" if tamper == "webhook_id" else cfg.webhook_id
        sig = signer.sign(tid, when, webhook_id, body + b" " if tamper == "signature" else body)
        headers = {
            "Content-Type": "application/json", "User-Agent": "PayPal/AUHD-214.0-58842345",
            "PAYPAL-TRANSMISSION-ID": tid, "PAYPAL-TRANSMISSION-TIME": when, "PAYPAL-TRANSMISSION-SIG": sig,
            "PAYPAL-CERT-URL": cfg.foreign_cert_url if tamper == "cert_url" else signer.cert_url,
            "PAYPAL-AUTH-ALGO": "SHA256withRSA", "Correlation-Id": uuid.uuid4().hex[:13],
        }
        if tamper == "body":
            body = body.replace(b'"event_version": "1.0"', b'"event_version": "1.0" ', 1)
        return headers, body

    def _attempt(self, eid: str) -> None:
        store, cfg = self.sb.store, self.sb.config
        with store.lock:
            record = store.events.get(eid)
            if record is None or record["status"] not in ("pending", "retrying") or not record["target"]:
                return
            headers, body = self._headers(record)
            target, round_ = record["target"], record["round"]
        started = time.monotonic()
        attempt = {"at": iso(time.time()), "transmission_id": headers["PAYPAL-TRANSMISSION-ID"]}
        try:
            resp = requests.post(target, data=body, headers=headers, timeout=cfg.webhook_timeout)
            attempt["status_code"] = resp.status_code
            ok = 200 <= resp.status_code < 300
        except requests.RequestException as exc:
            attempt["error"] = f"{type(exc).__name__}: {exc}"[:300]
            ok = False
        attempt["duration_ms"] = round((time.monotonic() - started) * 1000, 1)
        with store.lock:
            if store.events.get(eid) is not record:
                return  # reset meanwhile
            record["attempts"].append(attempt)
            if record["round"] != round_:
                return  # a replay began a new round while this attempt was in flight; its own attempt decides
            record["round_attempts"] += 1
            if ok:
                record["status"] = "delivered"
                return
            delay = cfg.retry_delay(record["round_attempts"])
            record["status"] = "failed" if delay is None else "retrying"
        if delay is not None:
            self.schedule(eid, delay)
