"""The orders service's internal API: ``gunicorn 'services.orders.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from services.orders.api import api
from services.orders.runtime import get_runtime
from services.orders.system_api import system_api


def create_app() -> Flask:
    return create_service_api("orders", get_runtime, [api, system_api])
