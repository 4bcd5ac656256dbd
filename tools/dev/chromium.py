"""`make test`'s browser check: find Chromium on PATH, or install Debian's package when allowed, or stop with one
line saying what to run.   python -m tools.dev.chromium

WSCC_CHROMIUM names a browser explicitly; WSCC_APT_GET names the apt-get to use ("" = never install).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

HOW_TO = ("Chromium is missing for the browser tests: run `sudo apt-get install chromium` (Debian) "
          "or set WSCC_CHROMIUM=/path/to/chromium, then `make test` again.")


def find_chromium() -> str | None:
    named = os.environ.get("WSCC_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    return shutil.which("chromium")


def apt_get() -> str | None:
    """apt-get, when this user may install packages with it (root, or sudo without a password)."""
    command = os.environ.get("WSCC_APT_GET", shutil.which("apt-get") or "")
    if not command or not os.access(command, os.X_OK):
        return None
    if os.geteuid() == 0:
        return command
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return f"{sudo} {command}"
    return None


def install(command: str) -> bool:
    environment = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    for arguments in (["update", "-qq"], ["install", "-y", "-qq", "chromium"]):
        if subprocess.run([*command.split(), *arguments], env=environment, capture_output=True).returncode != 0:
            return False
    return find_chromium() is not None


def main() -> int:
    if find_chromium():
        return 0
    command = apt_get()
    if command:
        print("Chromium is missing for the browser tests: installing Debian's package…", flush=True)
        if install(command):
            return 0
    print(HOW_TO, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
