"""What a production start refuses: a secret left at its development default, a credential without a password.

Declarative, so a new secret is covered the day it is added: every settings field typed ``SecretStr`` must be set
and differ from its default (unless marked ``OPTIONAL_IN_PRODUCTION``, e.g. an SMTP password when the relay wants
none), and every field marked ``CREDENTIALS_IN_URL`` must carry a password other than its default's and other
than its own user name (``guest:guest``). Loading settings runs this, and every process loads its settings first.
"""
from __future__ import annotations

from typing import Any, get_args
from urllib.parse import urlsplit

from pydantic import SecretStr
from pydantic.fields import FieldInfo


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


CREDENTIALS_IN_URL = _Marker("CREDENTIALS_IN_URL")
OPTIONAL_IN_PRODUCTION = _Marker("OPTIONAL_IN_PRODUCTION")


class DevelopmentSecretInProduction(RuntimeError):
    """Raised while loading settings: the process must not start. Not a ValueError, so pydantic lets it through."""


def environment_name(name: str, field: FieldInfo) -> str:
    alias = field.validation_alias
    return alias if isinstance(alias, str) else f"WSCC_{name.upper()}"


def is_secret(field: FieldInfo) -> bool:
    return field.annotation is SecretStr or SecretStr in get_args(field.annotation)  # also ``SecretStr | None``


def is_optional(field: FieldInfo) -> bool:
    return OPTIONAL_IN_PRODUCTION in field.metadata


def refuse_development_secrets(settings: Any) -> None:
    problems = [problem for name, field in type(settings).model_fields.items()
                if (problem := _problem(environment_name(name, field), field, getattr(settings, name)))]
    if problems:
        raise DevelopmentSecretInProduction(
            "refusing to start with WSCC_ENV=production:\n" + "\n".join(f"  {problem}" for problem in problems))


def _problem(variable: str, field: FieldInfo, value: Any) -> str | None:
    if is_secret(field):
        return _secret_problem(variable, field, value)
    if CREDENTIALS_IN_URL in field.metadata:
        return _url_problem(variable, field, value)
    return None


def _secret_problem(variable: str, field: FieldInfo, value: SecretStr | None) -> str | None:
    secret, default = value.get_secret_value() if value is not None else "", field.get_default()
    default_secret = default.get_secret_value() if isinstance(default, SecretStr) else default
    if not secret and is_optional(field):
        return None
    if not secret or secret == default_secret:
        return f"{variable} is missing or still the development default: set it before starting in production"
    return None


def _url_problem(variable: str, field: FieldInfo, value: str) -> str | None:
    password, user = _password(value), urlsplit(value).username
    if not password or password == user or password == _password(field.get_default() or ""):
        return (f"{variable} has no password or still the development one: give it the real credentials "
                f"(user:password@host) before starting in production")
    return None


def _password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None
