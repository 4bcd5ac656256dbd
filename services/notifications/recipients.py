"""Whom an e-mail goes to, and the portal pages its links open (never a code, never a document)."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from services.notifications.models import CompanyContact, EmployeeContact
from services.notifications.queueing import Recipient

EMPLOYEE_PAGE = "/employee"  # the employee's account: application, license, course
LICENSES_PAGE = "/licenses"  # the company's MANAGE LICENSES page: codes and each linked employee's progress
COURSE_PAGE = "/course"  # the employee's online course and exam
CERTIFICATES_PAGE = "/certificates"  # the employee's certificates, each as a PDF
VERIFY_PAGE = "/verify/{number}"  # public: anyone holding the number sees the certificate's status


def with_portal_addresses(context: dict[str, Any], public_url: str) -> dict[str, Any]:
    """The context as the template needs it: a portal page is stored as its path (a ``*_url`` starting with "/")
    and given the portal's address when the e-mail is written, as links are (``with_links``). An address stored
    whole by an older release stays as it is."""
    return {key: public_url + value if _is_page(key, value) else value for key, value in context.items()}


def _is_page(key: str, value: Any) -> bool:
    return key.endswith("_url") and isinstance(value, str) and value.startswith("/")


def representative(contact: CompanyContact) -> Recipient:
    return Recipient(email=contact.email, name=contact.representative_name, language=contact.language)


def employee(contact: EmployeeContact) -> Recipient:
    return Recipient(email=contact.email, name=contact.name, language=contact.language)


def instant_key(moment: datetime) -> str:
    """An instant as it goes into a unique key: the same moment always gives the same text, whatever its zone."""
    return moment.astimezone(UTC).isoformat()
