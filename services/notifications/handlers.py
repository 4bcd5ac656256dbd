"""Every event the notifications service handles, gathered from one module per part of the journey.

``handlers`` is what the worker registers and what the catalogue is checked against.
"""
from common.handlers import EventHandlers
from services.notifications import (account_handlers, certificate_handlers, company_handlers, course_handlers,
                                    employee_handlers, license_handlers)

handlers = EventHandlers("notifications")
for part in (account_handlers, company_handlers, employee_handlers, license_handlers, course_handlers,
             certificate_handlers):
    for event_type, functions in part.handlers.by_type.items():
        handlers.by_type.setdefault(event_type, []).extend(functions)
