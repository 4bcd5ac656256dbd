"""The applications service's internal API: ``gunicorn 'services.applications.app:create_app()'``."""
from flask import Flask

from common.http import create_service_api
from services.applications.applications_api import applications_api
from services.applications.course_api import course_api
from services.applications.review_api import review_api
from services.applications.runtime import get_runtime


def create_app() -> Flask:
    return create_service_api("applications", get_runtime, [course_api, applications_api, review_api])
