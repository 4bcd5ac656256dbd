"""Print every setting of every service (environment variable, default, who reads it) as a Markdown table;
the README carries it and a test keeps them equal.   python -m tools.settings_table
"""
from importlib import import_module

from common.settings import ServiceSettings
from tools.dev.stack import ROOT

SERVICES = sorted(path.parent.name for path in (ROOT / "services").glob("*/settings.py"))


def environment_name(name: str, field) -> str:
    alias = field.validation_alias
    return alias if isinstance(alias, str) else f"WSCC_{name.upper()}"


def shown(default: object) -> str:
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
