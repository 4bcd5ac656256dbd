"""The base of every form: each text field refuses control characters (common/text_input.py) before any other check.

A text area may hold line breaks and tabs; the CR LF a browser sends for its line breaks is stored as LF. Any
other field takes one line. The refusal stops the field's other checks, so the person reads one clear message.
"""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import StopValidation

from common.text_input import has_control_characters, normalize_line_breaks

ONE_LINE_MESSAGE = _l("Remove the line breaks, tabs and other invisible characters from this field: it takes one "
                      "line of text.")
MULTILINE_MESSAGE = _l("Remove the invisible control characters from this field (line breaks and tabs are fine).")


class NoControlCharacters:
    def __init__(self, multiline: bool) -> None:
        self.multiline = multiline

    def __call__(self, form: Any, field: Any) -> None:
        if isinstance(field.data, str) and has_control_characters(field.data, self.multiline):
            raise StopValidation(str(MULTILINE_MESSAGE if self.multiline else ONE_LINE_MESSAGE))


def _lf_only(value: Any) -> Any:
    return normalize_line_breaks(value) if isinstance(value, str) else value


class TextRules:
    """A Meta mixin: every text field (StringField and its kinds: e-mail, phone, password, hidden, text area) is
    bound with the rule in front of its own validators."""

    def bind_field(self, form: Any, unbound_field: Any, options: dict) -> Any:
        field = super().bind_field(form, unbound_field, options)  # type: ignore[misc]
        if isinstance(field, StringField):
            multiline = isinstance(field, TextAreaField)
            field.validators = [NoControlCharacters(multiline), *field.validators]
            if multiline:
                field.filters = (_lf_only, *field.filters)
        return field


class PortalForm(FlaskForm):
    Meta = TextRules


class PortalSubform(Form):
    """For rows inside a form (FormField): they have no CSRF token of their own."""

    Meta = TextRules
