"""The BUY LICENSES form. The bounds are the orders service's (purchase/terms.py), which checks again
and answers with the same codes."""
from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField
from wtforms.validators import ValidationError

from services.web.forms import PortalForm

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


def quantity_message(code: str, terms: dict) -> str:
    limits = {"minimum": terms["min_quantity"], "maximum": terms["max_quantity"]}
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

    def __call__(self, form: BuyForm, field: Any) -> None:
        problem = quantity_problem(field.data, form.terms["min_quantity"], form.terms["max_quantity"])
        if problem:
            raise ValidationError(quantity_message(problem, form.terms))


class BuyForm(PortalForm):
    quantity = StringField(_l("Number of licenses"), validators=[Quantity()])
    submit = SubmitField(_l("BUY"))

    def __init__(self, terms: dict, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.terms = terms

    @property
    def whole_quantity(self) -> int:
        return int(self.quantity.data.strip())
