"""Signed, short-lived tokens the front door sends to the services' internal APIs, naming the acting user."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

SALT = "wscc.internal-api.v1"


class InvalidToken(Exception):
    """Missing, forged or expired internal-API token."""


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: str  # "company", "employee", "reviewer", "admin", or "system" for the front door itself
    company_id: str | None = None
    language: str = "en"


def issue_token(secret: str, actor: Actor) -> str:
    return URLSafeTimedSerializer(secret, salt=SALT).dumps(asdict(actor))


def read_token(secret: str, token: str, max_age: int) -> Actor:
    try:
        payload = URLSafeTimedSerializer(secret, salt=SALT).loads(token, max_age=max_age)
        return Actor(**payload)
    except (BadSignature, SignatureExpired, TypeError) as error:
        raise InvalidToken(str(error)) from error
