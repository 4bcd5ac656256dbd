"""A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0) the holder keeps in a wallet,
signed as a VC-JWT (Open Badges 3.0 §8.2: the credential's members are the JWT's claims, ``iss``, ``nbf``, ``exp``
and ``jti`` beside them, the issuer's public key in the JOSE header) with an Ed25519 key (EdDSA).

Its status is checked like the verification page's: each certificate has one bit in two W3C Bitstring Status Lists,
revocation and suspension, published as signed credentials of their own. The holder is named by a salted hash of
their name (an ``IdentityObject``), so a credential shared online gives away no more than the printed certificate.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import secrets
from datetime import datetime
from functools import lru_cache

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.refusals import Conflict
from services.courses import certificates
from services.courses.models import Certificate, CertificateStatus, Enrolment

CONTEXT = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
PURPOSES = {"revocation": (CertificateStatus.REVOKED,), "suspension": (CertificateStatus.SUSPENDED,)}
# A status list is at least 16 KiB of bits (131,072 entries), so its size tells nothing of how many were issued.
MIN_LIST_BITS = 131_072


@lru_cache(maxsize=4)
def signing_key(secret: str) -> Ed25519PrivateKey:
    """The issuer's Ed25519 key, derived from the setting's secret (32 bytes of SHA-256 as the private key)."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(secret.encode()).digest())


def public_jwk(secret: str) -> dict:
    jwk = OKPAlgorithm.to_jwk(signing_key(secret).public_key(), as_dict=True)
    return jwk | {"kid": _key_id(jwk), "use": "sig", "alg": "EdDSA"}


def _key_id(jwk: dict) -> str:
    return hashlib.sha256(jwk["x"].encode()).hexdigest()[:16]


def _sign(claims: dict, secret: str) -> str:
    jwk = public_jwk(secret)
    return jwt.encode(claims, signing_key(secret), algorithm="EdDSA",
                      headers={"typ": "JWT", "kid": jwk["kid"], "jwk": {k: jwk[k] for k in ("kty", "crv", "x")}})


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def issuer_profile(public_url: str, name: str, secret: str) -> dict:
    return {"@context": CONTEXT, "id": f"{public_url}/credentials/issuer", "type": ["Profile"], "name": name,
            "url": public_url, "publicKey": public_jwk(secret)}


def identity_hash(name: str, salt: str) -> str:
    """Open Badges' ``sha256$`` form of a salted hash of the holder's name as printed on the certificate."""
    return "sha256$" + hashlib.sha256((name.strip() + salt).encode()).hexdigest()


def achievement(enrolment: Enrolment, public_url: str, language: str) -> dict:
    """The certification as an Open Badges Achievement; its ``id`` answers this same object (achievement_of)."""
    name = enrolment.certification_name_fr if language == "fr" else enrolment.certification_name_en
    return {"id": f"{public_url}/credentials/achievements/{enrolment.certification_code}",
            "type": ["Achievement"], "achievementType": "Certification", "name": name, "description": name,
            "inLanguage": "fr" if language == "fr" else "en",
            "criteria": {"narrative": "A suivi le cours en ligne et réussi l'examen de cette certification"
                                      if language == "fr" else
                                      "Completed the online course and passed the exam of this certification"}}


def achievement_of(session: Session, code: str, public_url: str, language: str) -> dict | None:
    """What a credential's achievement ``id`` answers: the certification as its certificates name it; None for a
    certification that has issued none."""
    enrolment = session.scalars(select(Enrolment).join(Certificate, Certificate.enrolment_id == Enrolment.id)
                                .where(Enrolment.certification_code == code)
                                .order_by(Certificate.issued_at.desc()).limit(1)).first()
    return achievement(enrolment, public_url, language) if enrolment is not None else None


def credential(certificate: Certificate, enrolment: Enrolment, public_url: str, issuer_name: str,
               language: str, salt: str) -> dict:
    """The OpenBadgeCredential of a certificate (unsigned); the salt goes to the holder with it, to prove the name."""
    name = enrolment.certification_name_fr if language == "fr" else enrolment.certification_name_en
    credential_id = f"{public_url}/credentials/{certificate.number}"
    return {
        "@context": CONTEXT,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": f"{public_url}/credentials/issuer", "type": ["Profile"], "name": issuer_name},
        "validFrom": certificate.issued_at.isoformat(),
        "validUntil": certificate.expires_at.isoformat(),
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": True, "salt": salt,
                            "identityHash": identity_hash(certificate.holder_name, salt)}],
            "achievement": achievement(enrolment, public_url, language),
        },
        "evidence": [{"id": f"{public_url}/verify/{certificate.number}", "type": ["Evidence"],
                      "name": "WSCC certificate verification"}],
        "credentialStatus": [_status_entry(public_url, certificate, purpose) for purpose in PURPOSES],
    }


def _status_entry(public_url: str, certificate: Certificate, purpose: str) -> dict:
    list_url = f"{public_url}/credentials/status/{purpose}"
    return {"id": f"{list_url}#{certificate.status_index}", "type": "BitstringStatusListEntry",
            "statusPurpose": purpose, "statusListIndex": str(certificate.status_index),
            "statusListCredential": list_url}


def signed_credential(session: Session, number: str, employee_id, public_url: str, issuer_name: str,
                      language: str, secret: str) -> str | None:
    """The holder's own credential as a VC-JWT; None when it is not theirs."""
    row = session.execute(select(Certificate, Enrolment).join(Enrolment, Enrolment.id == Certificate.enrolment_id)
                          .where(Certificate.number == number, Certificate.employee_id == employee_id)).first()
    if row is None:
        return None
    certificate, enrolment = row
    if not certificates.can_be_shown(certificate):
        raise Conflict("certificate_withdrawn")
    body = credential(certificate, enrolment, public_url, issuer_name, language, secrets.token_hex(16))
    return _sign(body | {"iss": body["issuer"]["id"], "jti": body["id"], "nbf": _epoch(certificate.issued_at),
                         "exp": _epoch(certificate.expires_at)}, secret)


def encoded_list(indexes: set[int], size: int) -> str:
    """The Bitstring Status List encoding: bits (first index the most significant bit of the first byte),
    GZIP, then multibase base64url without padding ("u" prefix)."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode()


def status_list(session: Session, purpose: str, public_url: str, issuer_name: str, secret: str,
                now: datetime) -> str:
    """The signed status list credential of ``purpose``: a set bit means revoked (or suspended)."""
    flagged = set(session.scalars(select(Certificate.status_index)
                                  .where(Certificate.status.in_(PURPOSES[purpose]))))
    highest = session.scalar(select(Certificate.status_index).order_by(Certificate.status_index.desc()).limit(1))
    size = max(MIN_LIST_BITS, ((highest or 0) // MIN_LIST_BITS + 1) * MIN_LIST_BITS)
    list_url = f"{public_url}/credentials/status/{purpose}"
    body = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": list_url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": {"id": f"{public_url}/credentials/issuer", "name": issuer_name},
            "validFrom": now.isoformat(),
            "credentialSubject": {"id": f"{list_url}#list", "type": "BitstringStatusList",
                                  "statusPurpose": purpose, "encodedList": encoded_list(flagged, size)}}
    return _sign(body | {"iss": body["issuer"]["id"], "jti": list_url, "nbf": _epoch(now)}, secret)
