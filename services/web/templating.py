"""Helpers the templates use: language, money, dates and statuses in words, the current address."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Flask, current_app, request
from flask_babel import format_date

from services.web.i18n import (current_language, format_money, language_name, license_status, order_status,
                               supported_languages)


def here() -> str:
    """This page's address, for "come back here" links (language switch); a form's result page means its form."""
    query = request.query_string.decode() if request.method == "GET" else ""
    return request.path + (f"?{query}" if query else "")


def money(amount: Any, currency: str | None = None) -> str:
    return format_money(amount, currency or current_app.config["WSCC_SETTINGS"].currency, current_language())


def day(value: str | date | datetime | None) -> str:
    """An ISO date or instant from a service, as the reader's language writes a date."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(value, format="medium")


def without_none(attributes: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attributes.items() if value is not None}


def install_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(current_language=current_language, supported_languages=supported_languages,
                                 language_name=language_name, here=here)
    app.jinja_env.filters.update(money=money, day=day, order_status=order_status, license_status=license_status,
                                 dict_without_none=without_none)
