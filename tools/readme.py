"""Rewrite the README's generated tables (events, settings) from the code.   python -m tools.readme"""
import re

from tools.dev.stack import ROOT
from tools.event_table import event_table
from tools.settings_table import settings_table

README = ROOT / "README.md"
SECTIONS = {"events": event_table, "settings": settings_table}


def filled(text: str) -> str:
    for name, table in SECTIONS.items():
        text = re.sub(rf"(<!-- {name}:begin -->\n).*?(<!-- {name}:end -->)",
                      lambda match: f"{match.group(1)}{table()}\n{match.group(2)}", text, flags=re.S)
    return text


if __name__ == "__main__":
    README.write_text(filled(README.read_text()))
