"""Helpers the templates use: language, money, dates and statuses in words, the current address."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import format_decimal, format_percent
from flask import Flask, current_app, request
from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.dates import format_time
from flask_babel import format_date, gettext

from common.timezones import display_zone
from services.web.access import home_for
from services.web.i18n import (current_language, format_money, language_name, license_status, order_status,
                               supported_languages)
from services.web.statuses import (application_status, cause_words, certificate_number, certificate_status,
                                   days_left_words, decision_words, enrolment_status, grant_kind, iso_day, localized,
                                   long_day, my_license_status, progress_words, submitted_by)


def here() -> str:
    """This page's address, for "come back here" links (language switch); a form's result page means its form."""
    query = request.query_string.decode() if request.method == "GET" else ""
    return request.path + (f"?{query}" if query else "")


def money(amount: Any, currency: str) -> str:
    return format_money(amount, currency, current_language())


def day(value: str | date | datetime | None) -> str:
    """An ISO date or instant from a service, as the reader's language writes a date."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(value, format="medium")


def moment(value: str | datetime | None) -> str:
    """An instant from a service as the e-mails write it: the portal's zone rules (common/timezones.py), the
    language's Canadian conventions, the zone's name: "Dec 1, 2026, 12:56 p.m. MST", "1 déc. 2026, 12 h 56 HNR"."""
    if not value:
        return ""
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    local = instant.astimezone(display_zone(current_app.config["WSCC_SETTINGS"].display_timezone))
    locale = Locale.parse(f"{current_language()}_CA")
    time_text = f"{format_time(local, 'short', locale=locale)} {babel_datetime(local, 'z', locale=locale)}"
    return locale.datetime_formats["medium"].format(time_text, babel_date(local, "medium", locale=locale))


def _local(value: str | datetime) -> datetime:
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return instant.astimezone(display_zone(current_app.config["WSCC_SETTINGS"].display_timezone))


def clock(value: str | datetime | None) -> str:
    """The time of day of an instant where WSCC works, with its zone: "2:32 p.m. MST", "14 h 32 HNR"."""
    if not value:
        return ""
    local, locale = _local(value), Locale.parse(f"{current_language()}_CA")
    return f"{format_time(local, 'short', locale=locale)} {babel_datetime(local, 'z', locale=locale)}"




def file_size(size: int | None) -> str:
    """"240 KB", "3.4 MB" ("3,4 Mo" in French): a document's size as a person reads it."""
    size = size or 0
    if size < 1024 * 1024:
        return gettext("%(size)s KB", size=max(1, round(size / 1024)))
    megabytes = format_decimal(size / (1024 * 1024), format="#,##0.0", locale=current_language())
    return gettext("%(size)s MB", size=megabytes)


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def percent(value: Any) -> str:
    """A percentage from a service ("87.50", 80) as the reader's language writes it: "87.5%", "87,5 %"."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return format_percent(amount.normalize() / 100, locale=f"{current_language()}_CA", decimal_quantization=False)


def number(value: Any) -> str:
    """A number from a service (a time limit of 67.5 minutes) as the reader's language writes it: "67,5"."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return format_decimal(amount.normalize(), format="#,##0.##", locale=current_language())


def multiplier(value: Any) -> str:
    """"× 1.5" ("× 1,5"): an accommodation's time multiplier."""
    amount = _decimal(value)
    if amount is None:
        return ""
    return "× " + format_decimal(amount, format="#,##0.##", locale=current_language())


def without_none(attributes: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value is not None}


def install_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(current_language=current_language, supported_languages=supported_languages,
                                 language_name=language_name, here=here, home_for=home_for)
    app.jinja_env.filters.update(money=money, day=day, order_status=order_status, license_status=license_status,
                                 dict_without_none=without_none, application_status=application_status,
                                 decision=decision_words, progress=progress_words, iso_day=iso_day,
                                 localized=localized, days_left=days_left_words, size=file_size,
                                 moment=moment, cause=cause_words, long_day=long_day, clock=clock,
                                 percent=percent, number=number, multiplier=multiplier,
                                 my_license_status=my_license_status, certificate_number=certificate_number,
                                 certificate_status=certificate_status, enrolment_status=enrolment_status,
                                 grant_kind=grant_kind, submitted_by=submitted_by)
