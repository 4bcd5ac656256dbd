"""The certificate register as WSCC staff read it: searched by number or holder's name, written as CSV, and one
certificate with its status history; for administrators the forms that suspend, reinstate or revoke it
(admin/certificates_views.py posts them and shows the page again when one is refused)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from flask import abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from services.web.admin.forms import CertificateStatusForm
from services.web.clients import CoursesApi
from services.web.review.people import company_names, people
from services.web.spreadsheets import as_text, csv_stream
from services.web.statuses import certificate_number, certificate_status, iso_day, localized

ACTIONS = ("suspend", "reinstate", "revoke")
_NOT_IN_A_NUMBER = re.compile(r"[\s-]+")
# What a certificate number in an address may hold before it is sent on to the courses service.
NUMBER_IN_AN_ADDRESS = re.compile(r"[0-9A-Za-z]{1,20}")


def matches(certificate: dict, query: str) -> bool:
    """A number typed in any case, with or without its dash, or any part of the holder's name."""
    if not query:
        return True
    compact = _NOT_IN_A_NUMBER.sub("", query).upper()
    return (bool(compact) and compact in certificate["number"]) or \
        query.casefold() in (certificate.get("holder_name") or "").casefold()


def offered_actions(certificate: dict) -> tuple[str, ...]:
    if current_user.role != "admin":
        return ()
    return {"valid": ("suspend", "revoke"), "expired": ("suspend", "revoke"),
            "suspended": ("reinstate", "revoke")}.get(certificate["status"], ())


def status_form(action: str, formdata: Any = None) -> CertificateStatusForm:
    # CSRFProtect checks every POST's csrf_token; the prefix keeps each action's reason apart on the page.
    return CertificateStatusForm(formdata=formdata, prefix=action, meta={"csrf": False})


def certificate_page(number: str, posted: CertificateStatusForm | None = None, posted_action: str = "",
                     status: int = 200) -> Any:
    if not NUMBER_IN_AN_ADDRESS.fullmatch(number):
        abort(404)
    certificate = CoursesApi().register_entry(number)
    names = people([certificate["employee_id"], certificate.get("signed_off_by"),
                    *(change["changed_by"] for change in certificate["history"])])
    forms = {action: posted if action == posted_action else status_form(action)
             for action in offered_actions(certificate)}
    return render_template("review/certificate.html", certificate=certificate, names=names, forms=forms,
                           posted=posted, company=company_names([certificate["company_id"]])
                           .get(certificate["company_id"])), status


def register_headers() -> list[str]:
    return [_("Certificate number"), _("Holder"), _("Certification"), _("Company"), _("Issued on"),
            _("Valid until"), _("Status"), _("Status changed on"), _("Reason for the status")]


def register_lines(certificates: list[dict]) -> Iterator[str]:
    """The register as CSV: names typed by people written as text, dates as the portal's days (YYYY-MM-DD)."""
    companies = company_names({item["company_id"] for item in certificates})
    return csv_stream(register_headers(), (_register_row(item, companies) for item in certificates))


def _register_row(certificate: dict, companies: dict[str, str]) -> list[str]:
    return [certificate_number(certificate["number"]), as_text(certificate.get("holder_name")),
            as_text(localized(certificate.get("certification"), "name")),
            as_text(companies.get(certificate["company_id"], "")), iso_day(certificate["issued_at"]),
            iso_day(certificate["expires_at"]), certificate_status(certificate["status"]),
            iso_day(certificate.get("status_changed_at")), as_text(certificate.get("status_reason"))]


def searched(certificates: Iterable[dict], query: str) -> list[dict]:
    return [certificate for certificate in certificates if matches(certificate, query.strip())]
