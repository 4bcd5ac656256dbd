import pytest

from services.notifications.i18n import compile_catalogs


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs() -> None:
    """The .mo files are build output (git-ignored): make them as `make` would before rendering anything."""
    compile_catalogs()
