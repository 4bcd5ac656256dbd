"""A fresh clone: `make test` finds or installs Chromium itself, and each checkout makes its own secrets."""
from __future__ import annotations

import os
import stat
import subprocess
import sys

from tools.dev.secrets import checkout_secrets, secret_settings
from tools.dev.stack import ROOT


def chromium_check(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.dev.chromium"], cwd=ROOT, capture_output=True, text=True,
                          env={"HOME": os.environ.get("HOME", "/tmp")} | env, timeout=60)


def test_without_chromium_and_without_apt_the_check_stops_at_once_with_one_line_saying_what_to_run(tmp_path):
    result = chromium_check(PATH=str(tmp_path), WSCC_APT_GET="")
    assert result.returncode != 0
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert "apt-get install chromium" in result.stderr and "make test" in result.stderr


def test_a_chromium_on_the_path_passes_the_check():
    assert chromium_check(PATH="/usr/bin:/bin").returncode == 0


def test_make_test_runs_the_check_before_any_test():
    plan = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    assert plan.index("tools.dev.chromium") < plan.index("pytest")


def test_ci_runs_the_readmes_test_command_and_leaves_chromium_to_it():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "apt-get" not in ci


def test_two_checkouts_get_different_secrets_and_one_checkout_keeps_its_own(tmp_path):
    names = secret_settings(ROOT)
    first, second = checkout_secrets(tmp_path / "a" / "var", names), checkout_secrets(tmp_path / "b" / "var", names)
    assert set(first) == set(names) >= {"WSCC_SECRET_KEY", "WSCC_INTERNAL_TOKEN_SECRET", "WSCC_FLOWER_PASSWORD",
                                        "WSCC_PAYPAL_CLIENT_SECRET"}
    assert all(first[name] != second[name] and len(first[name]) >= 32 for name in names)
    assert checkout_secrets(tmp_path / "a" / "var", names) == first
    assert stat.S_IMODE((tmp_path / "a" / "var" / "secrets.env").stat().st_mode) == 0o600


def test_a_secret_added_later_is_made_without_changing_the_others(tmp_path):
    before = checkout_secrets(tmp_path, ["WSCC_SECRET_KEY"])
    after = checkout_secrets(tmp_path, ["WSCC_SECRET_KEY", "WSCC_SOME_NEW_SECRET"])
    assert after["WSCC_SECRET_KEY"] == before["WSCC_SECRET_KEY"] and after["WSCC_SOME_NEW_SECRET"]


def test_the_secrets_file_is_never_committed():
    ignored = subprocess.run(["git", "check-ignore", "-q", "var/secrets.env"], cwd=ROOT, timeout=30)
    assert ignored.returncode == 0
