"""In-memory state of the sandbox, guarded by one re-entrant lock, with an injectable clock.

Everything that reads or changes these records holds `store.lock`.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable


@dataclass
class Order:
    id: str
    intent: str
    unit: dict                      # the purchase unit as received (amount, custom_id, invoice_id, ...)
    experience: dict                # return_url, cancel_url, locale, brand_name, user_action, landing_page
    link_style: str                 # "payer-action" (payment_source.paypal) or "approve" (application_context)
    status: str
    create_time: float
    update_time: float
    approve_time: float | None = None
    expire_time: float | None = None    # set when the order went VOIDED by timeout
    payer: dict | None = None
    payment_source: dict | None = None  # as shown in responses
    funding: dict | None = None         # sandbox-internal: kind, outcome triggers of the chosen instrument
    capture_ids: list = field(default_factory=list)
    buyer_logged_in: bool = False
    capture_in_flight: bool = False
    cancelled: bool = False


@dataclass
class Capture:
    id: str
    order_id: str
    status: str
    amount: dict
    custom_id: str | None
    invoice_id: str | None
    create_time: float
    update_time: float
    status_reason: str | None = None
    processor_response: dict | None = None
    refunded: Decimal = Decimal("0")
    refund_ids: list = field(default_factory=list)


@dataclass
class Refund:
    id: str
    capture_id: str
    status: str
    amount: dict
    create_time: float
    custom_id: str | None = None
    invoice_id: str | None = None
    note_to_payer: str | None = None


@dataclass
class Scenario:
    name: str
    remaining: int | None = None    # captures it still applies to; None = every capture
    params: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"scenario": self.name, "times": self.remaining, **self.params}


@dataclass
class IdemRecord:
    state: str                      # "in_flight" or "done"
    expires: float
    ref: tuple | None = None        # what to re-render on replay, e.g. ("order", id, prefer)


class Store:
    def __init__(self, clock: Callable[[], float] = time.time, journal_limit: int = 10000,
                 events_limit: int = 10000):
        self.lock = threading.RLock()
        self._clock = clock
        self.journal_limit, self.events_limit = journal_limit, events_limit
        self.tokens: dict[str, float] = {}      # survive reset: SDK clients never re-fetch on a 401
        self.reset()

    # clock ---------------------------------------------------------------------------------
    def now(self) -> float:
        return self._clock() + self.offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self.offset += seconds

    # lifecycle -----------------------------------------------------------------------------
    def reset(self) -> None:
        with self.lock:
            self.offset = 0.0
            self.orders: dict[str, Order] = {}
            self.captures: dict[str, Capture] = {}
            self.refunds: dict[str, Refund] = {}
            self.idem: dict[tuple, IdemRecord] = {}
            self.order_scenarios: dict[str, Scenario] = {}
            self.next_scenarios: deque[Scenario] = deque()
            self.default_scenario: Scenario | None = None
            self.journal: deque = deque(maxlen=self.journal_limit)
            self.events: OrderedDict[str, dict] = OrderedDict()
            self.captured_invoice_ids: set[str] = set()

    # idempotency (PayPal-Request-Id) ---------------------------------------------------------
    def idem_get(self, scope: tuple) -> IdemRecord | None:
        rec = self.idem.get(scope)
        if rec is not None and rec.expires <= self.now():
            del self.idem[scope]
            return None
        return rec

    def idem_begin(self, scope: tuple, ttl: float) -> IdemRecord:
        rec = IdemRecord("in_flight", self.now() + ttl)
        self.idem[scope] = rec
        return rec

    def idem_done(self, scope: tuple, ref: tuple) -> None:
        rec = self.idem.get(scope)
        if rec is not None:
            rec.state, rec.ref = "done", ref

    def idem_drop(self, scope: tuple) -> None:
        rec = self.idem.get(scope)
        if rec is not None and rec.state == "in_flight":
            del self.idem[scope]

    # scenarios -------------------------------------------------------------------------------
    def scenario_for(self, order_id: str) -> Scenario | None:
        return self.order_scenarios.get(order_id)

    def assign_scenario_on_create(self, order_id: str) -> None:
        if self.next_scenarios:
            self.order_scenarios[order_id] = self.next_scenarios.popleft()
        elif self.default_scenario is not None:
            s = self.default_scenario
            self.order_scenarios[order_id] = Scenario(s.name, s.remaining, dict(s.params))

    def consume_scenario(self, order_id: str) -> Scenario | None:
        """The scenario that applies to this capture attempt (and count it down)."""
        s = self.order_scenarios.get(order_id)
        if s is None or s.name == "normal":
            return None
        if s.remaining is not None:
            s.remaining -= 1
            if s.remaining <= 0:
                del self.order_scenarios[order_id]
        return s

    # events ----------------------------------------------------------------------------------
    def add_event(self, record: dict) -> None:
        self.events[record["id"]] = record
        while len(self.events) > self.events_limit:
            self.events.popitem(last=False)
