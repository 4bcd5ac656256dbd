"""POST /v1/oauth2/token: client-credentials tokens for the configured client id and secret."""
from __future__ import annotations

import base64
import binascii
import hmac
import time

from flask import Blueprint, jsonify, request

from .ids import access_token, iso
from .runtime import current

bp = Blueprint("paypal_sandbox_auth", __name__)

SCOPE = ("https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund "
         "https://uri.paypal.com/services/applications/webhooks https://uri.paypal.com/services/payments/orders/"
         "client-side-integration openid")


def _oauth_error(status: int, error: str, description: str):
    resp = jsonify({"error": error, "error_description": description})
    resp.status_code = status
    return resp


def _basic_credentials() -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, sep, secret = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return (client_id, secret) if sep else None


@bp.post("/v1/oauth2/token")
def token():
    sb = current()
    cfg = sb.config
    creds = _basic_credentials()
    if creds is None or not (hmac.compare_digest(creds[0], cfg.client_id)
                             and hmac.compare_digest(creds[1], cfg.client_secret)):
        return _oauth_error(401, "invalid_client", "Client Authentication failed")
    grant = request.form.get("grant_type")
    if not grant:
        return _oauth_error(400, "unsupported_grant_type", "Grant Type is NULL")
    if grant != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type", f"Grant Type is not supported: {grant}")
    value = access_token()
    with sb.store.lock:
        sb.store.tokens[value] = time.time() + cfg.token_ttl
    return jsonify({"scope": SCOPE, "access_token": value, "token_type": "Bearer",
                    "app_id": "APP-80W284485P519543T", "expires_in": cfg.token_ttl,
                    "nonce": f"{iso(time.time())}{value[-12:]}"})
