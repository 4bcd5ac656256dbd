"""The licenses service's internal API: ``gunicorn 'services.licenses.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from common.runtime import ServiceRuntime
from services.licenses.admin_api import admin_api
from services.licenses.api import api
from services.licenses.employee_api import employee_api
from services.licenses.runtime import open_runtime


def create_app(runtime: ServiceRuntime | None = None) -> Flask:
    """Each gunicorn worker process calls this (no ``--preload``): each has its own runtime, none shared by a fork."""
    return create_service_api("licenses", runtime or open_runtime(), [api, employee_api, admin_api])
