"""The home page: what the portal is, and the two ways in."""
from flask import Blueprint, render_template

from services.web.clients import ServiceError
from services.web.purchase.terms import purchase_terms

bp = Blueprint("public", __name__)


@bp.get("/")
def home() -> str:
    try:
        terms = purchase_terms()
    except ServiceError:
        terms = None  # the sentences that quote the price and the bounds wait for the orders service
    return render_template("public/home.html", terms=terms)
