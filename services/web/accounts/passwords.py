"""Password hashing (Argon2id) and the strength rule for every password a person chooses.

Strength is zxcvbn's estimate (offline: its word and password lists ship with the package, see
docs/decisions/0015-password-strength-by-zxcvbn.md): a score below MIN_SCORE is refused. The reason is given as
one of our own codes, which the forms turn into a message in the user's language, rather than zxcvbn's English.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable", about 10^8 guesses or more
# zxcvbn's time grows with the length; what lies past this many characters only makes a password stronger.
_ESTIMATED_LENGTH = 100
_hasher = PasswordHasher()
# The dictionaries zxcvbn matched, to our reason codes.
_DICTIONARY_REASONS = {"passwords": "common_password", "user_inputs": "personal", "female_names": "names",
                       "male_names": "names", "surnames": "names", "english_wikipedia": "common_words",
                       "us_tv_and_film": "common_words"}
_PATTERN_REASONS = {"spatial": "keyboard_pattern", "repeat": "repeats", "sequence": "sequence", "date": "dates",
                    "regex": "dates"}


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


def password_problem(password: str, email: str | None, personal: Iterable[str | None] = ()) -> str | None:
    """A code naming what is wrong with a new password, or None.

    ``personal`` is what the person told us (name, company): a password built on it is easy to guess for anyone
    who knows them. Codes: too_short, same_as_email, common_password, personal, names, common_words,
    keyboard_pattern, repeats, sequence, dates, guessable.
    """
    if len(password) < MIN_LENGTH:
        return "too_short"
    if email and password.strip().lower() == email.strip().lower():
        return "same_as_email"
    estimate = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=_user_inputs(email, personal))
    if estimate["score"] >= MIN_SCORE:
        return None
    return _reason(estimate["sequence"])


def _user_inputs(email: str | None, personal: Iterable[str | None]) -> list[str]:
    """The person's details and their words (zxcvbn matches whole inputs: "ann" must be given to catch it)."""
    texts = [text.strip().lower() for text in (email, *personal) if text and text.strip()]
    words = {word for text in texts for word in re.split(r"[\s@._\-,']+", text) if len(word) >= 3}
    return sorted(set(texts) | words)


def _reason(sequence: list[dict]) -> str:
    """The reason of the longest guessable part, as zxcvbn itself picks what to say."""
    matches = [match for match in sequence if match["pattern"] != "bruteforce"]
    if not matches:
        return "guessable"
    longest = max(matches, key=lambda match: len(match["token"]))
    if longest["pattern"] == "dictionary":
        return _DICTIONARY_REASONS.get(longest.get("dictionary_name", ""), "common_words")
    return _PATTERN_REASONS.get(longest["pattern"], "guessable")
