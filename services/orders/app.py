"""The orders service's internal API: ``gunicorn 'services.orders.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from services.orders.api import api
from services.orders.runtime import OrdersRuntime, open_runtime
from services.orders.system_api import system_api


def create_app(runtime: OrdersRuntime | None = None) -> Flask:
    """Each gunicorn worker process calls this (no ``--preload``): each has its own runtime, none shared by a fork."""
    return create_service_api("orders", runtime or open_runtime(), [api, system_api])
