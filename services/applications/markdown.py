"""A small, safe subset of Markdown for the introduction course's bodies, rendered to HTML.

Every piece of text is HTML-escaped before the few constructs below add their own tags, so a body (which an
administrator may one day edit) can never inject markup or script. Supported: paragraphs (lines joined), ``## ``
headings, ``- `` bulleted and ``1. `` numbered lists (an indented line continues the item), and ``**bold**``.
"""
from __future__ import annotations

import re

from markupsafe import escape

BOLD = re.compile(r"\*\*(.+?)\*\*")
BULLET = re.compile(r"^[-*] +")
NUMBERED = re.compile(r"^\d+[.)] +")


def inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", str(escape(text)))


def render(markdown_text: str) -> str:
    return "\n".join(_block(block) for block in _blocks(markdown_text))


def _blocks(markdown_text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in markdown_text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _block(lines: list[str]) -> str:
    first = lines[0].strip()
    if first.startswith("## "):
        return f"<h3>{inline(' '.join(line.strip() for line in lines)[3:].strip())}</h3>"
    if BULLET.match(first):
        return _list("ul", lines, BULLET)
    if NUMBERED.match(first):
        return _list("ol", lines, NUMBERED)
    return f"<p>{inline(' '.join(line.strip() for line in lines))}</p>"


def _list(tag: str, lines: list[str], marker: re.Pattern[str]) -> str:
    items: list[str] = []
    for line in lines:
        stripped = line.strip()
        if marker.match(stripped) or not items:
            items.append(marker.sub("", stripped))
        else:  # a wrapped line continues the item above it
            items[-1] += " " + stripped
    return f"<{tag}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + f"</{tag}>"
