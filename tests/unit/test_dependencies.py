"""Every package the services import at run time is declared in requirements.in, above its test-only part."""
from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OURS = {"services", "common", "tools", "tests", "bench"}


def runtime_requirements() -> set[str]:
    runtime = (ROOT / "requirements.in").read_text().split("# tests")[0]
    names = re.findall(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==", runtime, flags=re.MULTILINE)
    return {name.lower().replace("_", "-") for name in names}


def imported_top_levels() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in ("services", "common", "tools"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in OURS:
                        found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_runtime_import_is_a_declared_runtime_dependency():
    declared, distributions = runtime_requirements(), packages_distributions()
    missing = {top: where for top, where in imported_top_levels().items()
               if not {name.lower().replace("_", "-") for name in distributions.get(top, [top])} & declared}
    assert missing == {}
