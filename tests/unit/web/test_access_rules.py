"""Small rules with big consequences: where a "next" link may lead, and what a new password must be."""
import pytest

from services.web.access import safe_next
from services.web.accounts.passwords import hash_password, password_problem, verify_password


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "\\\\evil",
                                    "/\\evil.example", "dashboard", ""])
def test_next_never_leaves_the_site(target):
    assert safe_next(target, "/dashboard") == "/dashboard"


def test_next_may_name_a_page_of_the_site():
    assert safe_next("/licenses?page=2", "/dashboard") == "/licenses?page=2"


def test_password_rules():
    assert password_problem("short", None) == "too_short"
    assert password_problem("ann@tundra.example", "ANN@tundra.example") == "same_as_email"
    assert password_problem("twelve chars!", "ann@tundra.example") is None


def test_a_password_checks_against_its_argon2_hash_only():
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "Correct horse battery")
    assert not verify_password(None, "correct horse battery")
