"""The browser tests' accessibility checker: axe-core (Deque's engine, the one WCAG audits run), found under var/ or
installed there from the npm registry with npm when missing.   python -m tools.dev.axe

WSCC_AXE_CORE names axe.min.js explicitly; WSCC_NPM names the npm to use ("" = never install).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

VERSION = "4.14.1"
ROOT = Path(__file__).resolve().parents[2]
PREFIX = ROOT / "var" / "axe-core"
SCRIPT = PREFIX / "node_modules" / "axe-core" / "axe.min.js"
HOW_TO = ("axe-core is missing for the browser tests: install Node.js's npm (`sudo apt-get install npm`) or set "
          "WSCC_AXE_CORE=/path/to/axe.min.js, then `make test` again.")


def find_axe() -> Path | None:
    named = os.environ.get("WSCC_AXE_CORE")
    if named:
        return Path(named) if Path(named).is_file() else None
    return SCRIPT if SCRIPT.is_file() else None


def install() -> bool:
    npm = os.environ.get("WSCC_NPM", shutil.which("npm") or "")
    if not npm:
        return False
    PREFIX.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--prefix", str(PREFIX), "--no-save", "--no-audit", "--no-fund",
                           f"axe-core@{VERSION}"], capture_output=True)
    return done.returncode == 0 and find_axe() is not None


def axe_script() -> Path | None:
    """axe.min.js, installed first if need be."""
    return find_axe() or (find_axe() if install() else None)


def main() -> int:
    if axe_script():
        return 0
    print(HOW_TO, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
