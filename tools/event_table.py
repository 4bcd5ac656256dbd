"""Print the event table (Markdown) from the catalogue; the README carries it and a test keeps them equal.

    python -m tools.event_table
"""
from common.events.catalog import CATALOG


def event_table() -> str:
    lines = ["| event | version | producer | consumers | data fields | meaning |",
             "|---|---|---|---|---|---|"]
    for spec in sorted(CATALOG.values(), key=lambda spec: spec.type):
        fields = ", ".join(spec.schema.model_fields)
        lines.append(f"| `{spec.type}` | {spec.version} | {spec.producer} | {', '.join(spec.consumers)} "
                     f"| {fields} | {spec.meaning} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(event_table())
