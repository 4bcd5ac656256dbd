"""Print every setting of every service (environment variable, default, who reads it) as a Markdown table;
the README carries it and a test keeps them equal.   python -m tools.settings_table
"""
from importlib import import_module

from pydantic import SecretStr

from common.production import environment_name
from common.settings import ServiceSettings
from tools.dev.stack import ROOT

SERVICES = sorted(path.parent.name for path in (ROOT / "services").glob("*/settings.py"))


def shown(default: object) -> str:
    if isinstance(default, SecretStr):  # the development value; production refuses it (common/production.py)
        return f'"{default.get_secret_value()}" (development only)' if default.get_secret_value() else '""'
    return f'"{default}"' if isinstance(default, str) else str(default)


def settings_table() -> str:
    rows: dict[str, tuple[str, list[str]]] = {}
    for name, field in ServiceSettings.model_fields.items():
        rows[environment_name(name, field)] = (shown(field.default), ["all"])
    for service in SERVICES:
        settings_class = import_module(f"services.{service}.settings").Settings
        for name, field in settings_class.model_fields.items():
            if name in ServiceSettings.model_fields:
                continue
            key = environment_name(name, field)
            rows.setdefault(key, (shown(field.default), []))[1].append(service)
    lines = ["| variable | default | read by |", "|---|---|---|"]
    for key in sorted(rows):
        default, readers = rows[key]
        lines.append(f"| `{key}` | `{default}` | {', '.join(readers)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(settings_table())
