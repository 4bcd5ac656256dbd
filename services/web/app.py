"""The front door: ``gunicorn 'services.web.app:create_app()'``. This module is its table of contents."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask_babel import lazy_gettext as _l

from common.http import health_blueprint
from common.logs import configure_logging
from common.runtime import ServiceRuntime
from common.timezones import display_zone
from services.web.accounts import account_views, auth_views, language_views, password_views
from services.web.accounts.sessions import load_user
from services.web.admin import candidates_views as admin_candidates_views
from services.web.admin import certificates_views as admin_certificates_views
from services.web.admin import certifications_views, course_content_views
from services.web.admin import courses_views as admin_courses_views
from services.web.admin import licenses_views as admin_licenses_views
from services.web.admin import staff_views
from services.web.admin import views as admin_views
from services.web.cli import register_commands
from services.web.clients.base import install_connection_pools
from services.web.courses import attempt_views, credentials_views, exam_views, verify_views
from services.web.courses import certificates_views as learner_certificates_views
from services.web.courses import views as courses_views
from services.web.employee import applications_views, course_views
from services.web.employee import views as employee_views
from services.web.errors import register_error_pages
from services.web.extensions import babel, csrf, limiter, login_manager
from services.web.hooks import install_request_hooks
from services.web.i18n import DEFAULT_LANGUAGE, select_language
from services.web.licenses import dashboard_views
from services.web.licenses import views as licenses_views
from services.web.public import views as public_views
from services.web.purchase import orders_views, payment_views, receipts_views, webhooks_views
from services.web.review import candidates_views, signoffs_views
from services.web.review import certificates_views as review_certificates_views
from services.web.review import views as review_views
from services.web.runtime import RUNTIME_KEY, current_runtime, open_runtime
from services.web.settings import Settings
from services.web.templating import install_template_helpers

HERE = Path(__file__).resolve().parent
# One package per area of the portal, each with its routes (views.py, or <name>_views.py beside it).
BLUEPRINTS = (public_views.bp, auth_views.bp, password_views.bp, account_views.bp, dashboard_views.bp,
              orders_views.bp, payment_views.bp, licenses_views.bp, receipts_views.bp, webhooks_views.bp,
              employee_views.bp, course_views.bp, applications_views.bp, courses_views.bp, exam_views.bp,
              attempt_views.bp, learner_certificates_views.bp, verify_views.bp, credentials_views.bp,
              review_views.bp, candidates_views.bp, signoffs_views.bp, review_certificates_views.bp,
              admin_views.bp, staff_views.bp, certifications_views.bp, admin_licenses_views.bp,
              admin_candidates_views.bp, admin_certificates_views.bp, admin_courses_views.bp,
              course_content_views.bp, language_views.bp)
# A document (10 MB by default) plus room for the multipart envelope; anything bigger is refused with a 413 page.
# Other forms stay small anyway: Flask keeps non-file form fields under MAX_FORM_MEMORY_SIZE (500 kB).
UPLOAD_ENVELOPE_BYTES = 256 * 1024
HSTS_MAX_AGE = 365 * 24 * 3600  # a year, as browsers' preload lists ask


def create_app(settings: Settings | None = None, runtime: ServiceRuntime[Settings] | None = None) -> Flask:
    """The app with its own runtime (the process's for as long as it runs), or with ``runtime``, which its caller
    keeps and closes (tests share one between apps of different settings)."""
    settings = settings or (runtime.settings if runtime else Settings())
    configure_logging("web", settings, process="web")
    app = Flask(__name__)
    app.config.update(flask_config(settings))
    app.extensions[RUNTIME_KEY] = runtime or open_runtime(settings)
    init_extensions(app)
    install_connection_pools(app)
    install_request_hooks(app)
    install_template_helpers(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.register_blueprint(health_blueprint(current_runtime))  # /healthz, /readyz: the same as every service's
    register_error_pages(app)
    register_commands(app)
    return app


def flask_config(settings: Settings) -> dict:
    return {
        "WSCC_SETTINGS": settings,
        "SECRET_KEY": settings.secret_key.get_secret_value(),
        "SESSION_COOKIE_NAME": "wscc_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _in_production_unless_set(settings.session_cookie_secure, settings),
        # Read by hooks.finish_request: production answers over https only, so browsers must never try http.
        "WSCC_HSTS_MAX_AGE": _in_production_unless_set(settings.hsts_max_age_seconds, settings,
                                                       on=HSTS_MAX_AGE, off=0),
        # The cookie lasts as long as the idle limit; the limits themselves are checked on the server
        # (accounts/sessions.py).
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=settings.session_lifetime_minutes),
        "MAX_CONTENT_LENGTH": settings.max_document_bytes + UPLOAD_ENVELOPE_BYTES,
        "BABEL_DEFAULT_LOCALE": DEFAULT_LANGUAGE,
        "BABEL_DEFAULT_TIMEZONE": settings.display_timezone,
        "BABEL_TRANSLATION_DIRECTORIES": str(HERE / "translations"),
        "RATELIMIT_STORAGE_URI": settings.ratelimit_storage_uri,
        "RATELIMIT_KEY_PREFIX": settings.ratelimit_key_prefix,
        # "5 per hour" means any 60 minutes, not the clock's hour: no double burst across a window's edge.
        "RATELIMIT_STRATEGY": "moving-window",
        "RATELIMIT_HEADERS_ENABLED": True,
    }


def _in_production_unless_set(value: object, settings: Settings, on: object = True, off: object = False) -> object:
    """An explicit setting wins; otherwise on in production, off in development (plain http on localhost)."""
    if value is not None:
        return value
    return on if settings.in_production else off


def init_extensions(app: Flask) -> None:
    # The portal's own zone rules (common/timezones.py), not Babel's lookup of the name in pytz's database.
    zone = display_zone(app.config["WSCC_SETTINGS"].display_timezone)
    babel.init_app(app, locale_selector=select_language, timezone_selector=lambda: zone)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = str  # the flashed message must be text in the session, not a lazy string

