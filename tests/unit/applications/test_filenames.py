"""The uploader's file name is kept only for display, and only once made harmless."""
from __future__ import annotations

import pytest

from services.applications.filenames import FALLBACK, MAX_LENGTH, display_filename


@pytest.mark.parametrize(("raw", "shown"), [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    ("C:\\Users\\ann\\Documents\\first aid.pdf", "first aid.pdf"),
    ("<script>.pdf", "_script_.pdf"),
    ('a"b|c?.pdf', "a_b_c_.pdf"),
    ("résumé\u202egnp.exe", "résumégnp.exe"),  # the right-to-left override that shows "exe.png"
    ("line\r\nbreak\x00\x07.pdf", "line break.pdf"),
    ("  spaced   out  .pdf ", "spaced out .pdf"),
    (".hidden", "hidden"),
    ("..", FALLBACK),
    ("", FALLBACK),
    (None, FALLBACK),
    ("\u200b\u200b", FALLBACK),
    ("Certificat de secourisme – Nunavut ᓄᓇᕗᑦ.png", "Certificat de secourisme – Nunavut ᓄᓇᕗᑦ.png"),
    ("e\u0301te\u0301.pdf", "été.pdf"),  # composed, so it looks and compares as typed
])
def test_hostile_and_ordinary_names(raw, shown):
    assert display_filename(raw) == shown


def test_a_very_long_name_is_shortened_and_keeps_its_extension():
    shown = display_filename("a" * 5000 + ".pdf")
    assert len(shown) == MAX_LENGTH and shown.endswith("a.pdf")


def test_a_very_long_name_without_a_short_extension_is_cut():
    assert display_filename("b" * 300) == "b" * MAX_LENGTH
    assert len(display_filename("x." + "y" * 300)) == MAX_LENGTH
