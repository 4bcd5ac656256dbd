"""/healthz and /readyz (database and broker), the same checks every service answers."""
from common.http import health_blueprint
from services.web.runtime import get_runtime

bp = health_blueprint(get_runtime)
