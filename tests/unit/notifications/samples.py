"""Template contexts as the templates get them, one per e-mail: what the queueing functions store, with what
sending adds (each portal page's address, a link's address)."""
from __future__ import annotations

CERTIFICATION = {"code": "shift_boss_underground", "name_en": "Shift Boss – Underground",
                 "name_fr": "Chef de poste – mine souterraine"}
EMPLOYEE_PAGE = "https://portal.example/employee"
LICENSES_PAGE = "https://portal.example/licenses"
COURSE_PAGE = "https://portal.example/course"
CERTIFICATES_PAGE = "https://portal.example/certificates"
DEADLINE = "2026-06-13T21:05:00+00:00"  # June 13, 2026, 3:05 p.m. in Yellowknife (MDT)
NEXT_ATTEMPT = "2026-05-02T15:30:00+00:00"  # May 2, 2026, 9:30 a.m. in Yellowknife (MDT)
ISSUED = "2026-05-20T05:30:00+00:00"  # May 19, 2026, 11:30 p.m. in Yellowknife: the day is Yellowknife's
EXPIRES = "2029-05-20T05:30:00+00:00"  # May 19, 2029 in Yellowknife
CERTIFICATE_NUMBER = "7K2QMX9D4T"
VERIFY_URL = f"https://portal.example/verify/{CERTIFICATE_NUMBER}"
LINK_ID = "0b6c3c52-6f1e-4d3a-9a57-3f2b1e8d7c10"
REASON = "Your first aid certificate expired in 2025.\nPlease apply again with a current certificate."
STATUS_REASON = "Your first aid certificate lapsed.\nSend a current one to have the suspension lifted."


def _course(**context) -> dict:
    return {"certification": CERTIFICATION, "access_ends_at": DEADLINE} | context


def _score(**context) -> dict:
    return _course(score_percent="62.50", pass_mark_percent=80) | context


def _certificate(**context) -> dict:
    return {"certification": CERTIFICATION, "number": "7K2QM-X9D4T", "verify_url": VERIFY_URL,
            "issued_at": ISSUED, "expires_at": EXPIRES} | context


def _employer(**context) -> dict:
    """What every e-mail to a company about its employee carries."""
    return {"employee_name": "Sam Okalik", "licenses_url": LICENSES_PAGE} | context


CONTEXTS = {
    "profile_created": {"legal_name": "Mines du Nord ltée", "portal_url": "https://portal.example/"},
    # As stored (the link's id) and as the template gets it (with_links adds link_url at sending time).
    "password_reset": {"link": {"purpose": "password_reset", "id": LINK_ID}, "expires_in_minutes": 60,
                       "link_url": f"https://portal.example/password/reset/{LINK_ID}.c2lnbmF0dXJl"},
    "confirm_email": {"link": {"purpose": "confirm_email", "id": LINK_ID}, "expires_in_minutes": 1440,
                      "link_url": f"https://portal.example/register/confirm/{LINK_ID}.c2lnbmF0dXJl"},
    "registration_attempted": {"login_url": "https://portal.example/login",
                               "forgot_password_url": "https://portal.example/password/forgot"},
    "email_changed": {"new_email": "sam.new@example.org"},
    "password_changed": {"how": "changed", "forgot_password_url": "https://portal.example/password/forgot"},
    "login_attempts_suspected": {"failed_attempts": 10, "window_minutes": 60, "at": DEADLINE,
                                 "reset_url": "https://portal.example/password/forgot"},
    "payment_receipt": {
        "legal_name": "Mines du Nord ltée", "order_number": "WSCC-2026-000042", "quantity": 7,
        "unit_price": "50.00", "total": "350.00", "currency": "CAD", "paypal_capture_id": "3C679366HH908993F",
        "paid_at": "2026-03-15T21:05:00+00:00",
        "receipt_url": "https://portal.example/orders/5b1f0a52-0d7c-4b8e-9c43-2f0e8d1b6a11/receipt",
    },
    "codes_ready": {"order_number": "WSCC-2026-000042", "quantity": 7, "licenses_url": LICENSES_PAGE},
    # To the employee
    "account_created": {"portal_url": EMPLOYEE_PAGE},
    "application_received": {"certification": CERTIFICATION, "portal_url": EMPLOYEE_PAGE},
    "documents_requested": {"certification": CERTIFICATION, "portal_url": EMPLOYEE_PAGE,
                            "message": "Please add a clearer scan of your proof of identity."},
    "application_approved": {"certification": CERTIFICATION, "redeem_by": DEADLINE, "portal_url": EMPLOYEE_PAGE},
    "application_refused": {"certification": CERTIFICATION, "reason": REASON, "portal_url": EMPLOYEE_PAGE},
    "license_expiring": {"certification": CERTIFICATION, "redeem_by": DEADLINE, "days_left": 7,
                         "portal_url": EMPLOYEE_PAGE},
    "license_expired": {"certification": CERTIFICATION, "redeem_by": DEADLINE, "portal_url": EMPLOYEE_PAGE},
    "license_reinstated": {"certification": CERTIFICATION, "redeem_by": DEADLINE, "portal_url": EMPLOYEE_PAGE},
    "license_released": {"portal_url": EMPLOYEE_PAGE},
    # To the employee, about their course and exam
    "course_access_open": _course(portal_url=COURSE_PAGE),
    "exam_open": _course(attempts_allowed=3, portal_url=COURSE_PAGE),
    "exam_passed": _score(score_percent="84.62", portal_url=COURSE_PAGE),
    "exam_failed": _score(attempts_used=1, attempts_allowed=3, attempts_left=2, next_attempt_at=NEXT_ATTEMPT,
                          portal_url=COURSE_PAGE),
    "exam_attempts_exhausted": _score(attempt_number=3, attempts_allowed=3, portal_url=COURSE_PAGE),
    "exam_attempt_granted": _course(attempts_left=1, portal_url=COURSE_PAGE),
    "course_access_expired": _course(portal_url=COURSE_PAGE),
    # To the employee, about their certificate
    "certificate_issued": _certificate(portal_url=CERTIFICATES_PAGE),
    "certificate_expiring": _certificate(days_left=30, portal_url=CERTIFICATES_PAGE),
    "certificate_suspended": _certificate(reason=STATUS_REASON, portal_url=CERTIFICATES_PAGE),
    "certificate_reinstated": _certificate(reason="The current first aid certificate was received.",
                                           portal_url=CERTIFICATES_PAGE),
    "certificate_revoked": _certificate(reason=STATUS_REASON, portal_url=CERTIFICATES_PAGE),
    # To the company, about its employee
    "employee_linked_code": _employer(),
    "employee_approved": _employer(certification=CERTIFICATION, redeem_by=DEADLINE),
    "employee_refused": _employer(certification=CERTIFICATION),
    "employee_redeemed": _employer(certification=CERTIFICATION),
    "employee_license_expiring": _employer(certification=CERTIFICATION, redeem_by=DEADLINE, days_left=7),
    "employee_license_expired": _employer(certification=CERTIFICATION, redeem_by=DEADLINE),
    "code_released": _employer(),
    "employee_completed_course": _employer(**_course(lessons_total=12)),
    "employee_passed_exam": _employer(**_course()),
    "employee_failed_exam": _employer(**_course(attempt_number=1, attempts_allowed=3)),
    "employee_out_of_attempts": _employer(**_course(attempts_allowed=3)),
    "employee_attempt_granted": _employer(**_course()),
    "employee_access_expired": _employer(**_course()),
    "employee_certified": _employer(**_certificate()),
    "employee_certificate_expiring": _employer(**_certificate(days_left=30)),
    "employee_certificate_suspended": _employer(**_certificate()),
    "employee_certificate_reinstated": _employer(**_certificate()),
    "employee_certificate_revoked": _employer(**_certificate()),
}
TEMPLATES = sorted(CONTEXTS)
EMPLOYEE_TEMPLATES = sorted(name for name, context in CONTEXTS.items() if context.get("portal_url") == EMPLOYEE_PAGE)
# The course, the exam and the certificate (test_course_templates.py), to either audience.
LEARNING_TEMPLATES = sorted(name for name, context in CONTEXTS.items()
                            if "access_ends_at" in context or "number" in context)
COURSE_TEMPLATES = sorted(name for name, context in CONTEXTS.items() if context.get("portal_url") == COURSE_PAGE)
CERTIFICATE_TEMPLATES = sorted(name for name, context in CONTEXTS.items()
                               if context.get("portal_url") == CERTIFICATES_PAGE)
EMPLOYER_TEMPLATES = sorted(name for name, context in CONTEXTS.items() if "employee_name" in context)
