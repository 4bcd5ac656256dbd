"""The licenses service's internal API: ``gunicorn 'services.licenses.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from services.licenses.admin_api import admin_api
from services.licenses.api import api
from services.licenses.employee_api import employee_api
from services.licenses.runtime import get_runtime


def create_app() -> Flask:
    return create_service_api("licenses", get_runtime, [api, employee_api, admin_api])
