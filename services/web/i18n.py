"""Languages: which one a request is answered in, and how amounts and statuses read in it.

Adding a language (Inuktitut, Inuinnaqtun) is a translation catalogue plus its code in ``WSCC_LANGUAGES``:
nothing here names a language except the PayPal page locales PayPal itself offers.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from flask import current_app, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

LANGUAGE_COOKIE = "wscc_language"
DEFAULT_LANGUAGE = "en"
# PayPal's checkout pages come in these Canadian locales; any other language gets the English page.
PAYPAL_LOCALES = {"en": "en-CA", "fr": "fr-CA"}


def supported_languages() -> list[str]:
    return current_app.config["WSCC_SETTINGS"].language_codes


# The account language a page-only choice was made over: once the account's language changes (profile, switch
# form), the account's wins again.
PAGE_CHOICE_OVER = "language_over"


def choose_page_language(code: str) -> None:
    """This browser's pages in ``code``, without changing a signed-in person's stored language."""
    session["language"] = code
    if current_user.is_authenticated:
        session[PAGE_CHOICE_OVER] = current_user.language
    else:
        session.pop(PAGE_CHOICE_OVER, None)


def follow_account_language(code: str) -> None:
    """The account's language was just set to ``code``: this browser's pages follow it."""
    session["language"] = code
    session.pop(PAGE_CHOICE_OVER, None)


def select_language() -> str:
    """A signed-in user's page choice or else their account's; otherwise the remembered choice, else the
    browser's, else English."""
    supported = supported_languages()
    remembered = session.get("language")
    if current_user.is_authenticated and current_user.language in supported:
        if PAGE_CHOICE_OVER in session:
            if remembered in supported and session[PAGE_CHOICE_OVER] == current_user.language:
                return remembered
            session.pop(PAGE_CHOICE_OVER)  # the account's language changed since: the page choice is over
            session["language"] = current_user.language
        return current_user.language
    remembered = remembered or request.cookies.get(LANGUAGE_COOKIE)
    if remembered in supported:
        return remembered
    return request.accept_languages.best_match(supported) or DEFAULT_LANGUAGE


def current_language() -> str:
    return str(get_locale() or DEFAULT_LANGUAGE)


def language_name(code: str) -> str:
    """The language's own name for itself ("English", "Français"), so a reader finds theirs in any page."""
    try:
        return Locale.parse(code).get_display_name(code).capitalize()
    except (UnknownLocaleError, ValueError):
        return code


def paypal_locale(language: str) -> str:
    return PAYPAL_LOCALES.get(language, PAYPAL_LOCALES[DEFAULT_LANGUAGE])


def format_money(amount: Decimal | str | None, currency: str, language: str) -> str:
    """"1,250.00 CAD" in English, "1 250,00 CAD" in French: the number as the language writes it, then ISO code."""
    if amount in (None, ""):
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    return f"{format_decimal(value, format='#,##0.00', locale=language)} {currency}"


ORDER_STATUSES = {
    "awaiting_payment": _l("Awaiting payment"),
    "payment_pending": _l("Payment pending"),
    "paid": _l("Paid"),
    "held": _l("Payment under review"),
    "dropped": _l("Dropped"),
    "expired": _l("Expired (not paid)"),
}

LICENSE_STATUSES = {
    "available": _l("Available"),
    "claimed": _l("Linked to an employee"),
    "eligible": _l("Employee approved"),
    "redeemed": _l("Redeemed"),
    "finished": _l("Used — course finished"),
    "expired": _l("Expired"),
}


def order_status(code: str) -> str:
    return str(ORDER_STATUSES.get(code, code))


def license_status(code: str) -> str:
    return str(LICENSE_STATUSES.get(code, code))
