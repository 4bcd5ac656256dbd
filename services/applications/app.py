"""The applications service's internal API: ``gunicorn 'services.applications.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from common.runtime import ServiceRuntime
from services.applications.applications_api import applications_api
from services.applications.course_api import course_api
from services.applications.review_api import review_api
from services.applications.runtime import open_runtime


def create_app(runtime: ServiceRuntime | None = None) -> Flask:
    """Each gunicorn worker process calls this (no ``--preload``): each has its own runtime, none shared by a fork."""
    return create_service_api("applications", runtime or open_runtime(), [course_api, applications_api, review_api])
