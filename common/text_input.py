"""One rule for typed text everywhere: no control characters (C0, DEL, C1) and no Unicode line separators.

Such characters have no business in a name or a code: a NUL breaks the database, a carriage return breaks an
e-mail header. Multi-line text (an address, a message to a person) may hold line breaks and tabs, nothing else.
The web forms apply it to every text field; each service's internal API applies it to every string of a JSON body,
so a direct call is refused with a 400 naming the field instead of failing further in.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from common.refusals import Unreadable

# C0 controls, DEL, C1 controls, and the line and paragraph separators (str.splitlines() breaks lines on them).
_ANY_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FORBIDDEN_IN_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # all but tab and LF
CONTROL_CHARACTERS = "control_characters"


def has_control_characters(text: str, multiline: bool = False) -> bool:
    """True if ``text`` holds a character the rule refuses; ``multiline`` allows line breaks (LF, or the CR LF a
    browser sends and older rows may hold) and tabs."""
    if multiline:
        return bool(_FORBIDDEN_IN_MULTILINE.search(normalize_line_breaks(text)))
    return bool(_ANY_FORBIDDEN.search(text))


def normalize_line_breaks(text: str) -> str:
    """Browsers send a text area's line breaks as CR LF; stored text uses LF only."""
    return text.replace("\r\n", "\n")


def single_line(text: str) -> str:
    """``text`` with every forbidden character replaced by a space: safe in a mail header whatever was stored."""
    return " ".join(_ANY_FORBIDDEN.sub(" ", text).split())


def refuse_control_characters(payload: Any, multiline: Collection[str] = ()) -> None:
    """Refuse (``Unreadable``, a 400) naming the first field of a JSON body (keys and strings, at any depth) that
    holds a control character; fields named in ``multiline`` may hold line feeds and tabs."""
    problem = _first_problem(payload, "", multiline)
    if problem is not None:
        raise Unreadable(CONTROL_CHARACTERS, {problem or "body": CONTROL_CHARACTERS})


def _first_problem(value: Any, name: str, multiline: Collection[str]) -> str | None:
    if isinstance(value, str):
        return name if has_control_characters(value, multiline=name.rpartition(".")[2] in multiline) else None
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{name}.{key}" if name else str(key)
            if has_control_characters(str(key)):
                return path
            found = _first_problem(item, path, multiline)
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _first_problem(item, f"{name}.{index}" if name else str(index), multiline)
            if found is not None:
                return found
    return None
