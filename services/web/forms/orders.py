"""The BUY LICENSES form. Its rule mirrors the orders service's, which checks again and answers with the same codes."""
from __future__ import annotations

import re
from typing import Any

from flask import current_app
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import ValidationError

from services.web.forms.text import PortalForm

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+", re.ASCII)


def quantity_problem(raw: str | None, minimum: int, maximum: int) -> str | None:
    """The orders service's code for what is wrong with a typed quantity, or None."""
    text = (raw or "").strip()
    if not text:
        return "required"
    if not _WHOLE_NUMBER.fullmatch(text):
        return "not_whole_number"
    if int(text) < minimum:
        return "too_few"
    if int(text) > maximum:
        return "too_many"
    return None


def quantity_message(code: str) -> str:
    settings = current_app.config["WSCC_SETTINGS"]
    limits = {"minimum": settings.quantity_min, "maximum": settings.quantity_max}
    messages = {
        "required": gettext("Enter how many licenses you want to buy."),
        "not_whole_number": gettext("Enter a whole number of licenses, for example 10."),
        "too_few": gettext("Buy at least %(minimum)s licenses per purchase.", **limits),
        "too_many": gettext("Buy at most %(maximum)s licenses per purchase; make another purchase for more.",
                            **limits),
    }
    return messages.get(code, gettext("Enter a whole number from %(minimum)s to %(maximum)s.", **limits))


class Quantity:
    field_flags = {"required": True}

    def __call__(self, form: FlaskForm, field: Any) -> None:
        settings = current_app.config["WSCC_SETTINGS"]
        problem = quantity_problem(field.data, settings.quantity_min, settings.quantity_max)
        if problem:
            raise ValidationError(quantity_message(problem))


class BuyForm(PortalForm):
    quantity = StringField(_l("Number of licenses"), validators=[Quantity()])
    submit = SubmitField(_l("BUY"))

    @property
    def whole_quantity(self) -> int:
        return int(self.quantity.data.strip())
