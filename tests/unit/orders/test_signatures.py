"""Webhook signatures checked against a key and certificate made here, the way PayPal signs."""
import base64
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from services.orders.paypal.signatures import InvalidSignatureError, WebhookVerifier, signed_message

WEBHOOK_ID = "WH-LOCAL-SANDBOX"
CERT_URL = "http://127.0.0.1:8089/v1/notifications/certs/CERT-1"
BODY = b'{"id": "WH-1", "event_type": "PAYMENT.CAPTURE.COMPLETED", "resource": {}}'


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def certificate(key, valid_from: datetime, valid_to: datetime) -> bytes:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "messageverificationcerts.paypal.test")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(valid_from).not_valid_after(valid_to)
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def pem(key):
    now = datetime.now(UTC)
    return certificate(key, now - timedelta(days=1), now + timedelta(days=30))


def headers(key, body=BODY, webhook_id=WEBHOOK_ID, cert_url=CERT_URL, algo="SHA256withRSA"):
    transmission_id, when = "69cd13f0-d67a-11e5-baa3-778b53f4ae55", "2026-11-29T12:00:00Z"
    signature = key.sign(signed_message(transmission_id, when, webhook_id, body), padding.PKCS1v15(),
                         hashes.SHA256())
    return {"PAYPAL-TRANSMISSION-ID": transmission_id, "PAYPAL-TRANSMISSION-TIME": when,
            "PAYPAL-TRANSMISSION-SIG": base64.b64encode(signature).decode(), "PAYPAL-CERT-URL": cert_url,
            "PAYPAL-AUTH-ALGO": algo}


def verifier(pem, hosts=("127.0.0.1", "localhost"), fetched=None):
    def fetch(url):
        (fetched if fetched is not None else []).append(url)
        return pem
    return WebhookVerifier(WEBHOOK_ID, hosts, fetch=fetch)


def test_a_body_signed_by_paypal_for_our_webhook_is_accepted_and_its_certificate_fetched_once(key, pem):
    fetched = []
    check = verifier(pem, fetched=fetched)
    check.verify(headers(key), BODY)
    check.verify(headers(key), BODY)
    assert fetched == [CERT_URL]


def test_the_crc_is_the_unsigned_decimal_crc32_of_the_raw_bytes():
    assert signed_message("t", "w", "h", b"hello") == b"t|w|h|907060870"


@pytest.mark.parametrize("tamper", ["body", "webhook_id", "other_key", "garbage", "missing", "algo"])
def test_anything_not_signed_by_paypal_for_our_webhook_is_refused(key, pem, tamper):
    sent, body = headers(key), BODY
    if tamper == "body":
        body = BODY + b" "
    elif tamper == "webhook_id":
        sent = headers(key, webhook_id="WH-SOMEONE-ELSE")
    elif tamper == "other_key":
        sent = headers(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    elif tamper == "garbage":
        sent["PAYPAL-TRANSMISSION-SIG"] = "not base64!"
    elif tamper == "missing":
        del sent["PAYPAL-TRANSMISSION-SIG"]
    elif tamper == "algo":
        sent = headers(key, algo="SHA1withRSA")
    with pytest.raises(InvalidSignatureError):
        verifier(pem).verify(sent, body)


@pytest.mark.parametrize("cert_url", [
    "https://api.evil.example.com/v1/notifications/certs/CERT-1",
    "http://api.paypal.com/v1/notifications/certs/CERT-1",  # allowed host, but plain HTTP across a network
    "https://paypal.com.evil.example/certs/CERT-1",
    "ftp://127.0.0.1/certs/CERT-1",
])
def test_a_certificate_from_a_host_or_scheme_we_do_not_trust_is_never_fetched(key, pem, cert_url):
    fetched = []
    with pytest.raises(InvalidSignatureError):
        verifier(pem, hosts=("127.0.0.1", ".paypal.com"), fetched=fetched).verify(headers(key, cert_url=cert_url),
                                                                                 BODY)
    assert fetched == []


def test_a_subdomain_of_an_allowed_domain_is_trusted_over_https(key, pem):
    url = "https://api.paypal.com/v1/notifications/certs/CERT-1"
    verifier(pem, hosts=(".paypal.com",)).verify(headers(key, cert_url=url), BODY)


def test_an_expired_certificate_is_refused(key):
    now = datetime.now(UTC)
    with pytest.raises(InvalidSignatureError):
        verifier(certificate(key, now - timedelta(days=30), now - timedelta(days=1))).verify(headers(key), BODY)
