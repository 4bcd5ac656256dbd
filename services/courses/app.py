"""The courses service's internal API: ``gunicorn 'services.courses.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from services.courses.admin_api import admin_api
from services.courses.api import api
from services.courses.runtime import get_runtime
from services.courses.staff_api import staff_api


def create_app() -> Flask:
    return create_service_api("courses", get_runtime, [api, staff_api, admin_api])
