"""License codes: 95 random bits in the portal's code alphabet (``common/codes.py``), grouped by five."""
from __future__ import annotations

from common import codes
from common.codes import ALPHABET, MalformedCode, MistypedCode, check_character

RANDOM_LENGTH = 19  # 19 × 5 = 95 bits from the system's cryptographic generator
CODE_LENGTH = RANDOM_LENGTH + 1
GROUP = 5

__all__ = ["ALPHABET", "CODE_LENGTH", "GROUP", "MalformedCode", "MistypedCode", "RANDOM_LENGTH", "check_character",
           "display", "generate_code", "normalize"]


def generate_code() -> str:
    return codes.random_code(RANDOM_LENGTH)


def normalize(typed: str) -> str:
    return codes.normalize(typed, CODE_LENGTH)


def display(code: str) -> str:
    return codes.grouped(code, GROUP)
