"""Verifying a PayPal webhook ourselves, as PayPal recommends (no postback).

PayPal signs ``transmission_id|transmission_time|webhook_id|crc32(raw body)`` with RSA-SHA256; the certificate
is at PAYPAL-CERT-URL. That URL comes with the request, so it is only fetched from hosts we trust, and a
certificate once fetched is kept (PayPal rotates them rarely; a new one has a new URL).
"""
from __future__ import annotations

import base64
import binascii
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import requests
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

AUTH_ALGO = "SHA256withRSA"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_CERT_BYTES = 64 * 1024
MAX_CACHED_CERTS = 32


class InvalidSignatureError(Exception):
    """The webhook is not provably from PayPal; its reason says why (for the log, never for the caller)."""


@dataclass(frozen=True)
class SignedHeaders:
    transmission_id: str
    transmission_time: str
    signature: str
    cert_url: str
    auth_algo: str

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> SignedHeaders:
        def header(name: str) -> str:
            value = headers.get(name)
            if not value:
                raise InvalidSignatureError(f"missing header {name}")
            return value

        return cls(header("PAYPAL-TRANSMISSION-ID"), header("PAYPAL-TRANSMISSION-TIME"),
                   header("PAYPAL-TRANSMISSION-SIG"), header("PAYPAL-CERT-URL"), header("PAYPAL-AUTH-ALGO"))


def signed_message(transmission_id: str, transmission_time: str, webhook_id: str, body: bytes) -> bytes:
    return f"{transmission_id}|{transmission_time}|{webhook_id}|{binascii.crc32(body) & 0xFFFFFFFF}".encode()


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    """Exact host names, or ``.paypal.com`` for any host under paypal.com."""
    host = host.lower().rstrip(".")
    return any(host == entry or (entry.startswith(".") and host.endswith(entry)) for entry in allowed)


def check_cert_url(url: str, allowed_hosts: tuple[str, ...]) -> None:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host_allowed(host, allowed_hosts):
        raise InvalidSignatureError(f"certificate host {host!r} is not allowed")
    # Plain HTTP only for a sandbox on this machine; anything across a network must be HTTPS.
    if parts.scheme != "https" and not (parts.scheme == "http" and host in LOOPBACK_HOSTS):
        raise InvalidSignatureError(f"certificate URL scheme {parts.scheme!r} is not allowed")
    if parts.username or parts.password:
        raise InvalidSignatureError("certificate URL carries credentials")


def fetch_certificate(url: str, timeout: float = 5.0) -> bytes:
    response = requests.get(url, timeout=timeout, allow_redirects=False)
    if response.status_code != 200 or len(response.content) > MAX_CERT_BYTES:
        raise InvalidSignatureError(f"certificate not available ({response.status_code})")
    return response.content


class WebhookVerifier:
    def __init__(self, webhook_id: str, allowed_hosts: tuple[str, ...],
                 fetch: Callable[[str], bytes] = fetch_certificate,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.webhook_id = webhook_id
        self.allowed_hosts = allowed_hosts
        self._fetch = fetch
        self._clock = clock
        self._certificates: dict[str, x509.Certificate] = {}
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Return quietly if PayPal signed this body for our webhook; raise InvalidSignatureError otherwise."""
        signed = SignedHeaders.from_headers(headers)
        if signed.auth_algo != AUTH_ALGO:
            raise InvalidSignatureError(f"unexpected algorithm {signed.auth_algo!r}")
        check_cert_url(signed.cert_url, self.allowed_hosts)
        public_key = self._certificate(signed.cert_url).public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise InvalidSignatureError("certificate key is not RSA")
        try:
            signature = base64.b64decode(signed.signature, validate=True)
            public_key.verify(signature, signed_message(signed.transmission_id, signed.transmission_time,
                                                        self.webhook_id, body),
                              padding.PKCS1v15(), hashes.SHA256())
        except (InvalidSignature, binascii.Error, ValueError) as error:
            raise InvalidSignatureError("signature does not match") from error

    def _certificate(self, url: str) -> x509.Certificate:
        with self._lock:
            certificate = self._certificates.get(url)
        if certificate is None:
            try:
                certificate = x509.load_pem_x509_certificate(self._fetch(url))
            except (requests.RequestException, ValueError) as error:
                raise InvalidSignatureError(f"certificate unreadable: {error}") from error
            with self._lock:
                if len(self._certificates) >= MAX_CACHED_CERTS:
                    self._certificates.pop(next(iter(self._certificates)))
                self._certificates[url] = certificate
        now = self._clock()
        if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
            raise InvalidSignatureError("certificate outside its validity period")
        return certificate
