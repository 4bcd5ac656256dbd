"""Local SMTP sink: catches the portal's outgoing mail for development and tests.

Run with ``python -m tools.smtp_sink``; see ``README.md`` in this folder. Importing
the package starts nothing; call ``build_sink(config).start()`` to run it.
"""

from .faults import FaultPlan
from .http import create_app
from .sink import Sink, SinkConfig, build_sink
from .store import MailStore

__all__ = ["FaultPlan", "MailStore", "Sink", "SinkConfig", "build_sink", "create_app"]
