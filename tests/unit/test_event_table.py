"""The event table in the README, the catalogue, the queue bindings and the handlers all say the same thing."""
from importlib import import_module

from common.events.catalog import CATALOG, consumed_by, consumer_services
from common.messaging import events_queue
from tools.dev.stack import ROOT
from tools.readme import README, filled


def test_the_readmes_event_and_settings_tables_are_those_of_the_code():
    """`python -m tools.readme` rewrites them after a change."""
    assert filled(README.read_text()) == README.read_text()


def test_each_consumer_handles_exactly_the_events_bound_to_its_queue():
    for service in consumer_services():
        handlers = import_module(f"services.{service}.handlers").handlers
        bound = sorted(binding.routing_key for binding in events_queue("wscc.events", service).bindings)
        assert handlers.handled_types() == bound == consumed_by(service), service


def test_every_event_has_a_producer_that_exists_and_at_least_one_consumer():
    for spec in CATALOG.values():
        assert (ROOT / "services" / spec.producer).is_dir(), spec.type
        assert spec.consumers, spec.type


def test_each_handler_is_given_the_payload_its_event_type_carries():
    """A handler declares the schema of its payload; it must be the catalogue's for every type it is bound to."""
    from typing import get_type_hints
    for service in consumer_services():
        handlers = import_module(f"services.{service}.handlers").handlers
        for event_type, functions in handlers.by_type.items():
            for function in functions:
                session, payload, event = list(get_type_hints(function).values())[:3]
                assert payload is CATALOG[event_type].schema, f"{service} {function.__name__}"
