"""Building the paypal-server-sdk client: PayPal's own servers, or any base URL (the local sandbox).

Nothing is built at import; the gateway builds a client on first use and again after PayPal forgets its token.
"""
from __future__ import annotations

from paypalserversdk.configuration import Configuration, Environment, Server
from paypalserversdk.http.auth.o_auth_2 import ClientCredentialsAuthCredentials
from paypalserversdk.paypal_serversdk_client import PaypalServersdkClient

# WSCC_PAYPAL_BASE_URL values that mean PayPal's own environments rather than a URL.
NAMED_ENVIRONMENTS = {"": Environment.SANDBOX, "sandbox": Environment.SANDBOX, "live": Environment.PRODUCTION,
                      "production": Environment.PRODUCTION}


class BaseUrlConfiguration(Configuration):
    """The SDK's configuration with its base URI replaced (the SDK only knows PayPal's two hosts).

    ``Configuration.clone_with`` would return a plain Configuration and lose the override, so nothing here
    clones; and the class-level ``environments`` table is left alone because changing it changes every client.
    """

    def __init__(self, base_url: str, **kwargs: object) -> None:
        self._base_url = base_url.rstrip("/")
        super().__init__(**kwargs)

    def get_base_uri(self, server: Server = Server.DEFAULT) -> str:
        return self._base_url


def build_client(base_url: str, client_id: str, client_secret: str, timeout: float) -> PaypalServersdkClient:
    credentials = ClientCredentialsAuthCredentials(o_auth_client_id=client_id, o_auth_client_secret=client_secret)
    # max_retries=0: the SDK would retry GETs only; our own callers decide when to try again.
    common = {"client_credentials_auth_credentials": credentials, "timeout": timeout, "max_retries": 0}
    named = NAMED_ENVIRONMENTS.get(base_url.strip().lower())
    if named is not None:
        return PaypalServersdkClient(environment=named, **common)
    return PaypalServersdkClient(config=BaseUrlConfiguration(base_url, **common))
