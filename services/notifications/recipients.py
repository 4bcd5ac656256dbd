"""Whom an e-mail goes to, and the portal pages its links open (never a code, never a document)."""
from __future__ import annotations

from datetime import UTC, datetime

from services.notifications.models import CompanyContact, EmployeeContact
from services.notifications.queueing import Recipient
from services.notifications.settings import get_settings

EMPLOYEE_PAGE = "/employee"  # the employee's account: application, license, course
LICENSES_PAGE = "/licenses"  # the company's MANAGE LICENSES page: codes and each linked employee's progress
COURSE_PAGE = "/course"  # the employee's online course and exam
CERTIFICATES_PAGE = "/certificates"  # the employee's certificates, each as a PDF
VERIFY_PAGE = "/verify/{number}"  # public: anyone holding the number sees the certificate's status


def portal_url(path: str) -> str:
    return get_settings().public_url + path


def representative(contact: CompanyContact) -> Recipient:
    return Recipient(email=contact.email, name=contact.representative_name, language=contact.language)


def employee(contact: EmployeeContact) -> Recipient:
    return Recipient(email=contact.email, name=contact.name, language=contact.language)


def instant_key(moment: datetime) -> str:
    """An instant as it goes into a unique key: the same moment always gives the same text, whatever its zone."""
    return moment.astimezone(UTC).isoformat()
