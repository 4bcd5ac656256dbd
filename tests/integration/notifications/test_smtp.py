"""The SMTP adapter against the real sink: sign-in when configured, and how each refusal is classified."""
from __future__ import annotations

import uuid
from email.headerregistry import Address

import pytest
from pydantic import SecretStr

from services.notifications.rendering import render_email
from services.notifications.smtp import DeliveryFailure, build_message, deliver
from tests.integration.notifications.support import nothing_pending, unique_email, wait_until
from tools.dev.stack import free_port


def message_to(email: str, settings):
    rendered = render_email("codes_ready", "fr", {"order_number": "WSCC-1", "quantity": 5,
                                                  "licenses_url": f"{settings.public_url}/licenses"},
                            recipient_name="Élodie", contact_email=settings.contact_email,
                            display_timezone=settings.display_timezone)
    return build_message(uuid.uuid4(), Address("Élodie", addr_spec=email), rendered, settings)


def test_credentials_are_used_when_configured(sink, compiled_catalogs, settings):
    settings = settings.model_copy(update={"smtp_username": "portal", "smtp_password": SecretStr("secret")})
    email = unique_email("signed-in")
    deliver(message_to(email, settings), settings)
    assert [m["subject"] for m in sink.messages(email)] == ["Vos codes de licence sont prêts (commande WSCC-1)"]


def test_a_refused_connection_is_temporary(stack, compiled_catalogs, settings):
    settings = settings.model_copy(update={"smtp_port": free_port()})
    with pytest.raises(DeliveryFailure) as failure:
        deliver(message_to(unique_email("nowhere"), settings), settings)
    assert not failure.value.permanent and "ConnectionRefused" in str(failure.value)


@pytest.mark.parametrize(("plan", "permanent", "code"), [
    ({"temporary_failures": 1, "stages": ["data"]}, False, "451"),
    ({"permanent_failures": 1, "stages": ["data"]}, True, "550"),
    ({"permanent_failures": 1, "stages": ["rcpt"]}, True, "550"),
])
def test_refusals_are_temporary_or_permanent_by_their_reply_code(sink, compiled_catalogs, plan, permanent, code, db,
                                                                 settings):
    wait_until(lambda: nothing_pending(db), what="the worker idle, so the fault meets this message")
    sink.arm_faults(**plan)
    try:
        with pytest.raises(DeliveryFailure) as failure:
            deliver(message_to(unique_email("refused"), settings), settings)
    finally:
        sink.disarm()
    assert failure.value.permanent is permanent and code in str(failure.value)
