"""Each checkout's own development secrets: made once, kept in var/secrets.env (mode 0600, never committed).

Every secret setting (typed ``SecretStr``) of every service gets a random value, so no two installs share a
session key, an internal token secret or a Flower password, and a secret another change adds is covered too.
"""
from __future__ import annotations

import fcntl
import os
import secrets
from importlib import import_module
from pathlib import Path

from common.production import environment_name, is_optional, is_secret
from common.settings import ServiceSettings


def secret_settings(root: Path) -> list[str]:
    """Environment names of every required secret of every service under ``root``/services."""
    classes = [ServiceSettings] + [import_module(f"services.{path.parent.name}.settings").Settings
                                   for path in sorted((root / "services").glob("*/settings.py"))]
    names = {environment_name(name, field) for settings_class in classes
             for name, field in settings_class.model_fields.items() if is_secret(field) and not is_optional(field)}
    return sorted(names)


def checkout_secrets(var_dir: Path, names: list[str]) -> dict[str, str]:
    """``names``' values from ``var_dir``/secrets.env, each made on first use (a secret added since is appended).

    Locked while read and written: parallel test runs of one checkout must all get the same values.
    """
    var_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(var_dir / "secrets.env", os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "r+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        known = _parse(file.read())
        missing = [name for name in names if name not in known]
        if missing and not known:
            file.write("# This checkout's development secrets, made by `make dev`; never commit them.\n")
        for name in missing:
            known[name] = secrets.token_urlsafe(32)
            file.write(f"{name}={known[name]}\n")
    return {name: known[name] for name in names}


def _parse(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}
