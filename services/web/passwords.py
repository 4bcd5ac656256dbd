"""Password hashing (Argon2id) and the one strength rule the portal asks for."""
from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
_hasher = PasswordHasher()


@cache
def _unknown_account_hash() -> str:
    """Verified when no account matches, so an unknown address takes as long to refuse as a wrong password."""
    return _hasher.hash("not-a-real-password-only-for-timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _unknown_account_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, email: str | None) -> str | None:
    """A code naming what is wrong with a new password, or None: "too_short" or "same_as_email"."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if email and password.strip().lower() == email.strip().lower():
        return "same_as_email"
    return None
