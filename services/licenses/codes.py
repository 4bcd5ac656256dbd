"""License codes: 95 random bits in Crockford's base-32, grouped for reading, with a check character.

The alphabet leaves out I, L, O and U, so nothing reads as something else; the check character (Luhn mod 32)
catches every single mistyped character and most swaps of neighbours, so a typo is reported as a typo rather
than as an unknown code.
"""
from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 19  # 19 × 5 = 95 bits from the system's cryptographic generator
CODE_LENGTH = RANDOM_LENGTH + 1
GROUP = 5
_VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


class MalformedCode(ValueError):
    """Not shaped like a code at all (wrong length or characters)."""


class MistypedCode(ValueError):
    """Shaped like a code, but its check character disagrees: one character was mistyped."""


def check_character(payload: str) -> str:
    """Luhn mod N over the alphabet."""
    total, factor = 0, 2
    for symbol in reversed(payload):
        addend = factor * _VALUE[symbol]
        total += addend // len(ALPHABET) + addend % len(ALPHABET)
        factor = 1 if factor == 2 else 2
    return ALPHABET[(len(ALPHABET) - total % len(ALPHABET)) % len(ALPHABET)]


def generate_code() -> str:
    payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return payload + check_character(payload)


def normalize(typed: str) -> str:
    """The stored form of what a person typed: any case, with or without spaces and dashes."""
    code = _SEPARATORS.sub("", typed or "").upper().translate(_LOOKALIKES)
    if len(code) != CODE_LENGTH or any(symbol not in _VALUE for symbol in code):
        raise MalformedCode(typed)
    if check_character(code[:-1]) != code[-1]:
        raise MistypedCode(typed)
    return code


def display(code: str) -> str:
    return "-".join(code[start:start + GROUP] for start in range(0, len(code), GROUP))
