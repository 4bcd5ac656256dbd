"""A certificate from the courses service, worded for printing in the reader's language (certificate_pdf.py
prints it)."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from services.web.courses.certificate_pdf import PrintedCertificate
from services.web.statuses import localized
from services.web.statuses import long_day


def verify_url(number: str) -> str:
    """The public verification page the printed QR code opens."""
    return f"{current_app.config['WSCC_SETTINGS'].public_url.rstrip('/')}/verify/{number}"


def printed_certificate(certificate: dict) -> PrintedCertificate:
    """From one of ``CoursesApi.my_certificates()``'s items, in the language of the request (or ``force_locale``)."""
    return PrintedCertificate(
        holder_name=certificate["holder_name"],
        certification_name=localized(certificate.get("certification"), "name"),
        display_number=certificate["display_number"],
        issued_on=long_day(certificate["issued_at"]),
        expires_on=long_day(certificate["expires_at"]),
        verify_url=verify_url(certificate["number"]),
        issuer=_("Workers' Safety and Compensation Commission of the Northwest Territories and Nunavut"),
    )
