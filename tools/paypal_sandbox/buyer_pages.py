"""The buyer's pages: PayPal login, guest card, "create an account? Not now", review, cancel; no JavaScript."""
from __future__ import annotations

import hmac

from flask import Blueprint, redirect, render_template, request, url_for

from .approval import (APPROVABLE, approve_with_card, approve_with_paypal, cancel_url_for, return_url_for,
                       validate_card)
from .errors import ApiError
from .i18n import STRINGS, format_amount, language
from .orders_domain import find_order
from .runtime import current

bp = Blueprint("paypal_sandbox_buyer", __name__, template_folder="templates")


class _Stop(Exception):
    def __init__(self, response):
        self.response = response


@bp.errorhandler(_Stop)
def _stop(exc: _Stop):
    return exc.response


def _token() -> str:
    return (request.values.get("token") or "").strip()


def _page(template: str, order, lang: str, status: int = 200, **extra):
    t = STRINGS[lang]
    brand = order.experience.get("brand_name") if order else None
    amount = format_amount(order.unit["amount"], lang) if order else ""
    body = render_template(f"paypal_sandbox/{template}", t=t, lang=lang, order=order, amount=amount,
                           brand=brand or "", **extra)
    return body, status


def _message(key: str, lang: str, order=None, link: str | None = None, status: int = 200):
    return _page("message.html", order, lang, status, message=STRINGS[lang][key], link=link)


def _load(allowed=APPROVABLE):
    """(sandbox, order, lang) for the token in the request, or stop with a message page."""
    sb = current()
    accept = request.headers.get("Accept-Language")
    try:
        with sb.store.lock:
            order = find_order(sb, _token())
    except ApiError:
        raise _Stop(_message("not_found", language(request.args.get("locale"), accept), status=404))
    lang = language(request.args.get("locale") or order.experience.get("locale"), accept)
    if order.status not in allowed:
        key = {"VOIDED": "expired", "COMPLETED": "completed"}.get(order.status, "cannot_pay")
        raise _Stop(_message(key, lang, order, link=cancel_url_for(order)))
    return sb, order, lang


def _to_merchant(order, payer_id: str, lang: str):
    url = return_url_for(order, payer_id)
    return redirect(url, 303) if url else _message("approved_no_return", lang, order)


@bp.get("/checkoutnow")
def checkout():
    sb, order, lang = _load()
    with sb.store.lock:
        return _page("checkout.html", order, lang, email="", error=None)


@bp.post("/checkoutnow/login")
def login():
    sb, order, lang = _load()
    cfg = sb.config
    email = (request.form.get("email") or "").strip()
    ok = (hmac.compare_digest(email.lower(), cfg.buyer_email.lower())
          and hmac.compare_digest(request.form.get("password") or "", cfg.buyer_password))
    if not ok:
        return _page("checkout.html", order, lang, email=email, error=STRINGS[lang]["login_error"])
    with sb.store.lock:
        order.buyer_logged_in = True
    return redirect(url_for(".review", token=order.id), 303)


@bp.route("/checkoutnow/review", methods=["GET", "POST"])
def review():
    sb, order, lang = _load()
    if not order.buyer_logged_in:
        return redirect(url_for(".checkout", token=order.id), 303)
    if request.method == "GET":
        label = "pay_now" if order.experience.get("user_action") == "PAY_NOW" else "continue"
        return _page("review.html", order, lang, email=sb.config.buyer_email, submit=STRINGS[lang][label])
    with sb.store.lock:
        payer_id = approve_with_paypal(sb, order)
    return _to_merchant(order, payer_id, lang)


@bp.route("/checkoutnow/card", methods=["GET", "POST"])
def card():
    sb, order, lang = _load()
    label = "continue" if order.experience.get("user_action") == "CONTINUE" else "pay_now"
    if request.method == "GET":
        return _page("card.html", order, lang, form={}, errors={}, submit=STRINGS[lang][label])
    details, errors = validate_card(request.form)
    if errors:
        form = {k: v for k, v in request.form.items() if k not in ("cvv", "card_number")}
        return _page("card.html", order, lang, form=form, errors=errors, submit=STRINGS[lang][label])
    with sb.store.lock:
        approve_with_card(sb, order, details)
    return redirect(url_for(".guest_account", token=order.id), 303)


@bp.route("/checkoutnow/guest-account", methods=["GET", "POST"])
def guest_account():
    # The merchant may already have captured the approved order (its approval webhook came first); the buyer
    # who approved it is still sent back, as PayPal does.
    sb, order, lang = _load(allowed=("APPROVED", "COMPLETED"))
    funding = order.funding or {}
    if funding.get("kind") != "card":
        return redirect(url_for(".checkout", token=order.id), 303)
    if request.method == "GET":
        return _page("account.html", order, lang)
    # "Not now" and "Create account" both go back to the merchant: no account is created here.
    return _to_merchant(order, funding["payer_id"], lang)


@bp.get("/checkoutnow/cancel")
def cancel():
    sb, order, lang = _load(allowed=APPROVABLE + ("VOIDED",))
    with sb.store.lock:
        order.cancelled = True
    url = cancel_url_for(order)
    return redirect(url, 302) if url else _message("cancelled_no_return", lang, order)
