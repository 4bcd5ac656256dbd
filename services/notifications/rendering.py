"""Turning a notification into its subject, text and HTML, in the recipient's language.

Each e-mail is a folder of ``templates/``: ``subject.txt``, ``body.txt`` and ``body.html``. Every sentence goes
through gettext (``{% trans %}`` or ``_()``); amounts and times are written by Babel in the language's Canadian
locale (percentages too), times and days in the program office's zone; names given in each language
(certifications) are picked by language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_currency, format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape

from common.timezones import display_zone
from services.notifications.i18n import formatting_locale, resolve_language, translations

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Line breaks and runs of spaces; not \s, which would also flatten the no-break spaces of French typography.
_WHITESPACE = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class RenderedEmail:
    language: str
    subject: str
    text: str
    html: str


def render_email(template: str, language: str, context: dict[str, Any], *, recipient_name: str,
                 contact_email: str, display_timezone: str) -> RenderedEmail:
    language = resolve_language(language)
    environment = _environment(language)
    values = {**context, "language": language, "recipient_name": recipient_name, "contact_email": contact_email,
              "display_timezone": display_timezone}
    # One line, whatever the template's layout: a header cannot hold a line break.
    subject = _WHITESPACE.sub(" ", environment.get_template(f"{template}/subject.txt").render(values)).strip()
    values["subject"] = subject
    return RenderedEmail(
        language=language,
        subject=subject,
        text=environment.get_template(f"{template}/body.txt").render(values).strip() + "\n",
        html=environment.get_template(f"{template}/body.html").render(values),
    )


@lru_cache
def _environment(language: str) -> Environment:
    """One environment per language: its catalogue and Babel locale are fixed, so renders can share it safely."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,  # a context key missing is a bug to report, not a blank in an e-mail
    )
    # The same setting as ``trimmed = true`` in babel.cfg, so extracted msgids match what is looked up.
    environment.policies["ext.i18n.trimmed"] = True
    environment.install_gettext_translations(translations(language), newstyle=True)
    locale = formatting_locale(language)
    environment.filters["money"] = lambda amount, currency: format_money(amount, currency, locale)
    environment.filters["instant"] = pass_context(
        lambda context, value: format_instant(value, locale, context["display_timezone"]))
    environment.filters["day"] = pass_context(
        lambda context, value: format_day(value, locale, context["display_timezone"]))
    environment.filters["percent"] = lambda value: format_percentage(value, locale)
    environment.filters["localized"] = lambda names: localized_name(names, language)
    return environment


def localized_name(names: dict[str, str], language: str) -> str:
    """A name its producer gives in each portal language ({"name_en": …, "name_fr": …}); English if not in this one."""
    return names.get(f"name_{language}") or names["name_en"]


def format_money(amount: str | Decimal, currency: str, locale: Locale) -> str:
    return format_currency(Decimal(amount), currency, locale=locale)


def format_percentage(value: str | int | Decimal, locale: Locale) -> str:
    """A percentage given out of 100 (e.g. "84.62"), with the digits it has: "84.62%", "84,62 %"; never rounded,
    so a score just under the pass mark cannot read as the pass mark."""
    return format_percent(Decimal(str(value)) / 100, locale=locale, decimal_quantization=False)


def format_day(value: str | datetime, locale: Locale, timezone: str) -> str:
    """The day an instant falls on in the program office's zone, e.g. "March 15, 2026" or "15 mars 2026"."""
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return format_date(instant.astimezone(display_zone(timezone)), "long", locale=locale)


def format_instant(value: str | datetime, locale: Locale, timezone: str) -> str:
    """E.g. "March 15, 2026, 3:05 p.m. MDT" or "15 mars 2026, 15 h 05 HAR"."""
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    local = instant.astimezone(display_zone(timezone))
    time_text = f"{format_time(local, 'short', locale=locale)} {format_datetime(local, 'z', locale=locale)}"
    return locale.datetime_formats["medium"].format(time_text, format_date(local, "long", locale=locale))
