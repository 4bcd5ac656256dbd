"""The catalogues hold exactly the templates' strings, each translated, in every language offered."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from services.notifications.i18n import TRANSLATIONS_DIR, available_languages

SERVICE_DIR = TRANSLATIONS_DIR.parent


def source_strings() -> set[str | tuple[str, ...]]:
    """What `pybabel extract -F babel.cfg` finds in the service today."""
    with (SERVICE_DIR / "babel.cfg").open() as file:
        method_map, options_map = parse_mapping_cfg(file)
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(SERVICE_DIR, method_map, options_map):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalog(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def catalog_ids(path: Path) -> set[str | tuple[str, ...]]:
    return {message.id for message in catalog(path) if message.id}


def test_english_and_french_are_offered():
    assert {"en", "fr"} <= available_languages()


def test_the_template_pot_is_up_to_date():
    assert catalog_ids(TRANSLATIONS_DIR / "messages.pot") == source_strings()


@pytest.mark.parametrize("language", sorted(available_languages()))
def test_each_catalogue_translates_every_string_of_the_templates(language):
    path = TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.po"
    po = catalog(path)
    assert catalog_ids(path) == source_strings()
    untranslated = [message.id for message in po if message.id and (
        message.fuzzy or not all(message.string if isinstance(message.string, tuple) else (message.string,)))]
    assert untranslated == []
    assert not po.obsolete
    problems = [(message.id, [str(error) for error in errors]) for message, errors in po.check()]
    assert problems == []


def test_french_typography_puts_a_no_break_space_before_colons():
    po = catalog(TRANSLATIONS_DIR / "fr" / "LC_MESSAGES" / "messages.po")
    for message in po:
        for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
            if message.id and ":" in text:
                assert " :" not in text and "\u00a0:" in text, message.id
