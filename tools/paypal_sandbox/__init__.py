"""A local PayPal emulator that the real paypal-server-sdk talks to (development and tests).

Run it with `python -m tools.paypal_sandbox`; see README.md in this folder.
"""
from .app import create_app, sandbox_of
from .config import SandboxConfig

__all__ = ["create_app", "sandbox_of", "SandboxConfig"]
