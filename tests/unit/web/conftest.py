"""The web app built from default settings, without any service or database: forms, formatting, templates."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from services.web.app import create_app
from services.web.runtime import RUNTIME_KEY
from services.web.settings import Settings


@pytest.fixture
def app() -> Iterator[Flask]:
    app = create_app(Settings(_env_file=None))
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    yield app
    app.extensions[RUNTIME_KEY].close()  # the app's own: these tests never reach its database or broker


def form_context(app: Flask, data: dict, language: str = "en"):
    """A POST request carrying ``data``, in ``language``, as a form would receive it."""
    return app.test_request_context("/", method="POST", data=data, headers={"Accept-Language": language})
