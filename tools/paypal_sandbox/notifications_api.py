"""Webhook notifications: verify-webhook-signature (postback), the signing certificate, event lookup."""
from __future__ import annotations

import hmac
import json

from flask import Blueprint, Response, abort, jsonify

from .errors import ApiError
from .http_util import json_body, require_bearer
from .runtime import current
from .signing import AUTH_ALGO

bp = Blueprint("paypal_sandbox_notifications", __name__)
public = Blueprint("paypal_sandbox_certs", __name__)

VERIFY_FIELDS = ("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time",
                 "webhook_id", "webhook_event")


@bp.before_request
def _auth():
    require_bearer(current())


def _candidate_bodies(sb, event: dict) -> list[bytes]:
    """The event's bytes as signed: the stored original if the event matches it, else re-serialised forms."""
    bodies = []
    with sb.store.lock:
        record = sb.store.events.get(event.get("id", ""))
        if record is not None and json.loads(record["raw"]) == event:
            bodies.append(record["raw"].encode())
    bodies.append(json.dumps(event).encode())
    bodies.append(json.dumps(event, separators=(",", ":")).encode())
    return bodies


@bp.post("/v1/notifications/verify-webhook-signature")
def verify_webhook_signature():
    sb = current()
    body = json_body(required=True)
    for name in VERIFY_FIELDS:
        if body.get(name) in (None, ""):
            raise ApiError(400, "MISSING_REQUIRED_PARAMETER", field=f"/{name}")
    event = body["webhook_event"]
    if not isinstance(event, dict):
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", field="/webhook_event")
    ok = (body["auth_algo"] == AUTH_ALGO
          and hmac.compare_digest(str(body["cert_url"]), sb.signer.cert_url)
          and hmac.compare_digest(str(body["webhook_id"]), sb.config.webhook_id)
          and any(sb.signer.verify(str(body["transmission_id"]), str(body["transmission_time"]),
                                   str(body["webhook_id"]), raw, str(body["transmission_sig"]))
                  for raw in _candidate_bodies(sb, event)))
    return jsonify({"verification_status": "SUCCESS" if ok else "FAILURE"})


@bp.get("/v1/notifications/webhooks-events/<event_id>")
def get_event(event_id: str):
    sb = current()
    with sb.store.lock:
        record = sb.store.events.get(event_id)
        if record is None:
            raise ApiError(404, "INVALID_RESOURCE_ID", field="event_id", value=event_id, location="path")
        return Response(record["raw"], mimetype="application/json")


@public.get("/v1/notifications/certs/<cert_id>")
def certificate(cert_id: str):
    sb = current()
    if cert_id != sb.signer.cert_id:
        abort(404)
    return Response(sb.signer.cert_pem(), mimetype="application/x-pem-file")
