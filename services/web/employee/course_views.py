"""The free introduction course: its modules, one page each; opening a module records that it was viewed."""
from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, abort, render_template

from services.web.access import role_required
from services.web.clients import ApplicationsApi

bp = Blueprint("course", __name__, url_prefix="/employee/course")
MODULE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@bp.get("")
@role_required("employee")
def index() -> Any:
    return render_template("course/index.html", course=ApplicationsApi().intro_course())


@bp.get("/<key>")
@role_required("employee")
def module(key: str) -> Any:
    """Reading the page is what "viewed" means; recording it twice changes nothing, so a GET may do it."""
    if not MODULE_KEY.fullmatch(key):
        abort(404)  # never put anything but a plain key into the service's path
    course = ApplicationsApi().module_viewed(key)  # an unknown module answers 404
    modules = sorted(course["modules"], key=lambda entry: entry["position"])
    index = next((position for position, entry in enumerate(modules) if entry["key"] == key), None)
    if index is None:
        abort(404)
    return render_template("course/module.html", course=course, module=modules[index],
                           previous=modules[index - 1] if index > 0 else None,
                           next=modules[index + 1] if index + 1 < len(modules) else None,
                           number=index + 1, count=len(modules))
