"""A certificate as an Open Badges 3.0 credential: signed by the issuer's published key, naming the holder only by a
salted hash, and its revocation readable from the published status list, as a wallet or verifier would check it."""
from __future__ import annotations

import base64
import gzip
import hashlib
import uuid

import jwt
from jwt.algorithms import OKPAlgorithm

from tests.integration.courses.support import answer_all
from tests.waiting import wait_for


def bit(status_jwt: str, public_key, index: int) -> bool:
    claims = jwt.decode(status_jwt, public_key, algorithms=["EdDSA"])
    encoded = claims["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) >= 16 * 1024
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_the_credential_verifies_with_the_published_key_and_its_revocation_shows_in_the_list(candidate, redeem,
                                                                                             db):
    enrolment = redeem()
    candidate.finish_course(enrolment["enrolment_id"])
    attempt = candidate.start(enrolment["enrolment_id"]).json()
    answer_all(candidate, db, attempt, how_many_right=4)
    candidate.submit(attempt["id"])
    number = wait_for(lambda: candidate.enrolments()[0]["certificate"])["number"]

    issued = candidate.call("GET", f"/internal/certificates/{number}/credential")
    assert issued.status_code == 200
    token = issued.json()["jwt"]
    assert candidate.call("GET", f"/internal/certificates/{number}/credential",
                          user_id=uuid.uuid4()).status_code == 404
    profile = candidate.call("GET", "/internal/credentials/issuer", role="system").json()
    public_key = OKPAlgorithm.from_jwk(profile["publicKey"])
    claims = jwt.decode(token, public_key, algorithms=["EdDSA"])
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["iss"] == claims["issuer"]["id"] == profile["id"] and claims["jti"] == claims["id"]
    identity = claims["credentialSubject"]["identifier"][0]
    assert identity["identityHash"] == "sha256$" + hashlib.sha256(
        ("Nora Nakashuk" + identity["salt"]).encode()).hexdigest()
    assert "Nora" not in str(claims)
    assert claims["credentialSubject"]["achievement"]["achievementType"] == "Certification"
    revocation = next(entry for entry in claims["credentialStatus"] if entry["statusPurpose"] == "revocation")
    index = int(revocation["statusListIndex"])

    def listed() -> bool:
        return bit(candidate.call("GET", "/internal/credentials/status/revocation", role="system").json()["jwt"],
                   public_key, index)

    assert not listed()
    assert candidate.call("POST", f"/internal/staff/certificates/{number}/status",
                          {"action": "revoke", "reason": "Fraud"}, role="admin").ok
    assert listed()
    forged = token.rsplit(".", 1)[0] + "." + base64.urlsafe_b64encode(bytes(64)).rstrip(b"=").decode()
    try:
        jwt.decode(forged, public_key, algorithms=["EdDSA"])
        raise AssertionError("a changed signature verified")
    except jwt.InvalidSignatureError:
        pass
