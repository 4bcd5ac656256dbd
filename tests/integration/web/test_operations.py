"""Health and readiness, correlation ids, PayPal's webhooks forwarded without CSRF, a service down."""
import threading
from collections.abc import Iterator

import pytest
import requests
from werkzeug.serving import make_server

from tests.integration.web.support import Visitor, text_of, wait_for


def test_health_and_readiness(visitor):
    assert visitor.get("/healthz").get_json() == {"status": "ok"}
    ready = visitor.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"] == {"database": "ok", "broker": "ok"}


def test_every_response_carries_a_new_correlation_id(visitor):
    first, second = visitor.get("/").headers["X-Correlation-ID"], visitor.get("/").headers["X-Correlation-ID"]
    assert len(first) == 32 and first != second


def test_pages_forbid_framing_and_outside_scripts(visitor):
    policy = visitor.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


@pytest.fixture
def web_server(app) -> Iterator[str]:
    """The app on a real port, so the PayPal sandbox can deliver its signed webhooks to it."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()


def delivered_status(sandbox_url: str, event_id: str) -> int | None:
    record = requests.get(f"{sandbox_url}/_sandbox/webhooks/{event_id}", timeout=5).json()
    return record["attempts"][0].get("status_code") if record["attempts"] else None


@pytest.mark.parametrize(("tamper", "expected"), [(None, 200), ("signature", 400), ("body", 400)])
def test_paypal_webhooks_reach_the_orders_service_byte_for_byte_without_csrf(web_server, sandbox_url, tamper,
                                                                            expected):
    """Signed by the sandbox, forwarded unchanged: the orders service verifies the signature over the exact bytes
    (an unknown capture is then ignored, 200); a tampered delivery is refused, and PayPal sees that 400."""
    sent = requests.post(f"{sandbox_url}/_sandbox/webhooks/send", timeout=5, json={
        "event_type": "PAYMENT.CAPTURE.COMPLETED", "url": f"{web_server}/webhooks/paypal", "tamper": tamper,
        "resource": {"id": "UNKNOWN-CAPTURE", "status": "COMPLETED",
                     "amount": {"currency_code": "CAD", "value": "250.00"}}})
    assert sent.status_code == 201, sent.text
    assert wait_for(lambda: delivered_status(sandbox_url, sent.json()["id"]), timeout=10) == expected


def test_a_service_that_does_not_answer_gives_a_friendly_503(services, company, make_app):
    visitor = Visitor(make_app(licenses_api_url="http://127.0.0.1:9", api_timeout_seconds=1).test_client())
    visitor.login(company)
    response = visitor.get("/dashboard")
    assert response.status_code == 503
    assert "Service temporarily unavailable" in text_of(response) and "Nothing was changed" in text_of(response)
    assert visitor.get("/dashboard/progress.json").get_json() == {"error": "Service temporarily unavailable"}


def test_the_web_worker_sweeps_events_the_post_commit_publish_missed(services, processes, web_runtime):
    """An outbox row left unsent (as after a crash between commit and publish) goes out on the next sweep."""
    import uuid
    from datetime import timedelta

    from sqlalchemy import select

    from common.clock import utcnow
    from common.events import new_event
    from services.web.models import Outbox
    from services.web.worker import app as worker_app

    processes.ensure("web-worker")
    event = new_event("user.password_reset_requested", {
        "user_id": str(uuid.uuid4()), "email": "left.behind@mines.example", "name": "Left Behind", "language": "en",
        "link_id": str(uuid.uuid4()), "expires_in_minutes": 60})
    with web_runtime.db.sessions() as session, session.begin():
        session.add(Outbox(id=event.id, event_type=event.type, message=event.as_message(),
                           created_at=utcnow() - timedelta(minutes=1), published_at=None, attempts=0))
    worker_app.send_task("web.sweep_outbox")

    def published() -> bool:
        with web_runtime.db.reading() as session:
            return session.scalar(select(Outbox.published_at).where(Outbox.id == event.id)) is not None

    assert wait_for(published, timeout=30)
