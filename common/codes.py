"""Codes people read and type: random symbols of Crockford's base-32 with a check character.

The alphabet leaves out I, L, O and U, so nothing reads as something else; the check character (Luhn mod 32)
catches every single mistyped character and most swaps of neighbours, so a typo is reported as a typo rather
than as an unknown code. License codes and certificate numbers are both made this way, at their own lengths.
"""
from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
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


def random_code(random_length: int) -> str:
    """``random_length`` symbols from the system's cryptographic generator (5 bits each), then the check."""
    payload = "".join(secrets.choice(ALPHABET) for _ in range(random_length))
    return payload + check_character(payload)


def normalize(typed: str, length: int) -> str:
    """The stored form of what a person typed: any case, with or without spaces and dashes."""
    code = _SEPARATORS.sub("", typed or "").upper().translate(_LOOKALIKES)
    if len(code) != length or any(symbol not in _VALUE for symbol in code):
        raise MalformedCode(typed)
    if check_character(code[:-1]) != code[-1]:
        raise MistypedCode(typed)
    return code


def grouped(code: str, group: int) -> str:
    return "-".join(code[start:start + group] for start in range(0, len(code), group))
