"""The one rule for typed text: which characters are refused, where line breaks are allowed, and the API answer."""
import pytest

from common.http import refusal_status
from common.refusals import Unreadable
from common.text_input import has_control_characters, refuse_control_characters, single_line


@pytest.mark.parametrize("text", ["a\x00b", "a\rb", "a\nb", "a\tb", "a\x1bb", "a\x7fb", "a\x85b", "a\u2028b"])
def test_one_line_text_refuses_every_control_character(text):
    assert has_control_characters(text)


def test_ordinary_text_in_any_language_passes():
    assert not has_control_characters("Élodie Tremblay – ᐃᓄᒃᑎᑐᑦ, 5 000 $\u00a0!")


def test_multiline_text_allows_line_breaks_and_tabs_only():
    assert not has_control_characters("1 Main St\r\nYellowknife\n\tNT", multiline=True)
    assert has_control_characters("1 Main St\rYellowknife", multiline=True)
    assert has_control_characters("line\x00", multiline=True)


def test_a_json_body_is_refused_naming_the_first_bad_field_at_any_depth():
    body = {"name": "ok", "rows": [{"description_en": "two\nlines"}, {"name_en": "bad\x00"}]}
    with pytest.raises(Unreadable) as refused:
        refuse_control_characters(body, multiline=("description_en",))
    assert (refusal_status(refused.value), refused.value.code) == (400, "control_characters")
    assert refused.value.fields == {"rows.1.name_en": "control_characters"}
    refuse_control_characters({"rows": [{"description_en": "two\nlines"}]}, multiline=("description_en",))


def test_a_name_goes_into_a_header_on_one_line():
    assert single_line(" Ann\r\nExample\x00 ") == "Ann Example"
