"""Calls to the services' internal APIs (docs/internal-api.md), one client per service."""
from services.web.clients.applications import ApplicationsApi
from services.web.clients.base import (ANSWER_LATE, SYSTEM_ACTOR, InternalApi, NotFound, Refused, ServiceError,
                                       ServiceUnavailable, user_actor)
from services.web.clients.courses import CoursesApi
from services.web.clients.licenses import LicensesApi
from services.web.clients.orders import OrdersApi

__all__ = ["ANSWER_LATE", "SYSTEM_ACTOR", "ApplicationsApi", "CoursesApi", "InternalApi", "LicensesApi", "NotFound",
           "OrdersApi", "Refused", "ServiceError", "ServiceUnavailable", "user_actor"]
