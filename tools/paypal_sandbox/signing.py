"""Webhook signatures exactly like PayPal's: RSA-SHA256 over `transmissionId|time|webhookId|crc32(body)`.

The RSA key and its self-signed certificate are created on first use, never at import time.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import threading
import uuid
from typing import Callable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

AUTH_ALGO = "SHA256withRSA"


def signed_message(transmission_id: str, transmission_time: str, webhook_id: str, body: bytes) -> bytes:
    crc = binascii.crc32(body) & 0xFFFFFFFF
    return f"{transmission_id}|{transmission_time}|{webhook_id}|{crc}".encode()


class Signer:
    def __init__(self, base_url: Callable[[], str]):
        self._base_url = base_url
        self.cert_id = "CERT-" + "-".join(uuid.uuid4().hex[i:i + 8] for i in (0, 8, 16))
        self._lock = threading.Lock()
        self._key: rsa.RSAPrivateKey | None = None
        self._cert_pem: bytes | None = None

    @property
    def cert_url(self) -> str:
        return f"{self._base_url()}/v1/notifications/certs/{self.cert_id}"

    def _ensure(self) -> rsa.RSAPrivateKey:
        with self._lock:
            if self._key is None:
                key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                name = x509.Name([
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "PayPal sandbox emulator (WSCC, local)"),
                    x509.NameAttribute(NameOID.COMMON_NAME, "messageverificationcerts.sandbox.paypal.local"),
                ])
                now = dt.datetime.now(dt.timezone.utc)
                cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                        .public_key(key.public_key()).serial_number(x509.random_serial_number())
                        .not_valid_before(now - dt.timedelta(days=1))
                        .not_valid_after(now + dt.timedelta(days=3650))
                        .sign(key, hashes.SHA256()))
                self._cert_pem = cert.public_bytes(serialization.Encoding.PEM)
                self._key = key
            return self._key

    def cert_pem(self) -> bytes:
        self._ensure()
        assert self._cert_pem is not None
        return self._cert_pem

    def sign(self, transmission_id: str, transmission_time: str, webhook_id: str, body: bytes) -> str:
        key = self._ensure()
        msg = signed_message(transmission_id, transmission_time, webhook_id, body)
        return base64.b64encode(key.sign(msg, padding.PKCS1v15(), hashes.SHA256())).decode()

    def verify(self, transmission_id: str, transmission_time: str, webhook_id: str, body: bytes,
               signature: str) -> bool:
        key = self._ensure()
        try:
            raw = base64.b64decode(signature, validate=True)
            key.public_key().verify(raw, signed_message(transmission_id, transmission_time, webhook_id, body),
                                    padding.PKCS1v15(), hashes.SHA256())
            return True
        except (InvalidSignature, ValueError, binascii.Error):
            return False
