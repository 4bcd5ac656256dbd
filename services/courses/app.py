"""The courses service's internal API: ``gunicorn 'services.courses.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from common.runtime import ServiceRuntime
from services.courses.admin_api import admin_api
from services.courses.api import api
from services.courses.runtime import open_runtime
from services.courses.staff_api import staff_api


def create_app(runtime: ServiceRuntime | None = None) -> Flask:
    """Each gunicorn worker process calls this (no ``--preload``): each has its own runtime, none shared by a fork."""
    return create_service_api("courses", runtime or open_runtime(), [api, staff_api, admin_api])
