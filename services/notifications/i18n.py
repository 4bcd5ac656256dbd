"""The e-mails' languages: gettext catalogues under ``translations/``, and the Babel locale used for numbers and dates.

A language is offered as soon as ``translations/<lang>/LC_MESSAGES/messages.po`` exists, so Inuktitut or
Inuinnaqtun can be added as translations alone. The compiled ``.mo`` files are build output (git-ignored):
``pybabel compile -d services/notifications/translations`` or ``compile_catalogs()`` makes them.
"""
from __future__ import annotations

import gettext
import logging
import os
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the msgids are the English text
COUNTRY = "CA"  # numbers, money and dates are written the Canadian way (en_CA, fr_CA)


class MissingCatalog(RuntimeError):
    """A language has a .po but no compiled .mo: the build step was skipped."""


@lru_cache
def available_languages(directory: Path = TRANSLATIONS_DIR) -> frozenset[str]:
    found = {path.parent.parent.name for path in directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return frozenset(found | {SOURCE_LANGUAGE})


def resolve_language(preferred: str) -> str:
    """The recipient's language if the e-mails exist in it, English otherwise."""
    language = (preferred or "").lower()
    if language in available_languages():
        return language
    log.warning("no e-mail translation for this language; writing in English", extra={"language": preferred})
    return SOURCE_LANGUAGE


@lru_cache
def translations(language: str) -> gettext.NullTranslations:
    compiled = TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if compiled.exists():
        with compiled.open("rb") as file:
            return Translations(file, domain=DOMAIN)
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    raise MissingCatalog(f"{compiled} is missing: run `pybabel compile -d {TRANSLATIONS_DIR}`")


@lru_cache
def formatting_locale(language: str) -> Locale:
    for candidate in (f"{language}_{COUNTRY}", language, f"{SOURCE_LANGUAGE}_{COUNTRY}"):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("unreachable: en_CA is always known")


def compile_catalogs(directory: Path = TRANSLATIONS_DIR) -> list[Path]:
    """Compile each ``.po`` into the ``.mo`` beside it, leaving fuzzy entries out as pybabel does."""
    written = []
    for source in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with source.open("rb") as file:
            catalog = read_po(file, locale=source.parent.parent.name, domain=DOMAIN)
        target = source.with_suffix(".mo")
        # Written aside, then renamed: a worker or a parallel test process reading it never sees half a file.
        partial = target.with_name(f".{target.stem}.{os.getpid()}.mo")  # git-ignored like the .mo
        with partial.open("wb") as file:
            write_mo(file, catalog, use_fuzzy=False)
        os.replace(partial, target)
        written.append(target)
    translations.cache_clear()
    return written


if __name__ == "__main__":
    for path in compile_catalogs():
        print(f"compiled {path}")
