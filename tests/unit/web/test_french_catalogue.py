"""Every string of the front door has a French translation: none missing, none fuzzy, none stale."""
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[3] / "services" / "web"
FRENCH = WEB / "translations" / "fr" / "LC_MESSAGES" / "messages.po"


def french_catalogue():
    with FRENCH.open("rb") as po:
        return read_po(po, locale="fr")


def strings_in_the_code() -> set[str]:
    with (WEB / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    return {message[2] if isinstance(message[2], str) else message[2][0]
            for message in extract_from_dir(str(WEB), method_map, options_map)}


def test_every_french_message_is_translated_and_none_is_fuzzy():
    catalogue = french_catalogue()
    assert not catalogue.fuzzy
    untranslated = [message.id for message in catalogue if message.id and not all(
        [message.string] if isinstance(message.string, str) else message.string)]
    fuzzy = [message.id for message in catalogue if message.id and message.fuzzy]
    assert untranslated == [] and fuzzy == []


def singular(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_every_string_in_the_code_and_templates_is_in_the_french_catalogue():
    in_catalogue = {singular(message.id) for message in french_catalogue() if message.id}
    assert strings_in_the_code() - in_catalogue == set()


def test_the_source_documents_words_are_used_as_written():
    french = {message.id: message.string for message in french_catalogue() if message.id}
    for english, expected in {
        "CREATE A NEW PROFILE": "CRÉER UN NOUVEAU PROFIL", "REGISTER": "S'INSCRIRE",
        "BUY LICENSES": "ACHAT DE LICENCES", "BUY": "ACHETER",
        "CLICK HERE TO GO TO PAYPAL": "CLIQUER ICI POUR ACCÉDER AU SITE DE PAYPAL",
        "MANAGE LICENSES": "GESTION DES LICENCES", "Assigned to (name)": "Assigné à Nom",
        "Assignment date": "Date d'assignation", "WSCC": "CSTIT",
    }.items():
        assert french[english] == expected


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)", text))


def test_placeholders_survive_translation():
    for message in french_catalogue():
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = set().union(*(placeholders(text) for text in ids))
        for translation in strings:
            assert placeholders(translation) == expected, message.id


def test_french_typography_puts_a_no_break_space_before_colons():
    for message in french_catalogue():
        for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
            if message.id and ":" in text:
                assert " :" not in text, message.id
