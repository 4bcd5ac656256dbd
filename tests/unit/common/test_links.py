"""E-mailed links: the token is derived from the link's id and purpose with the shared secret, and checked back."""
import uuid

from common.links import link_id_from_token, link_token, link_url

SECRET = "a-test-link-secret"


def test_a_token_opens_its_own_link_for_its_own_purpose_only():
    link_id = uuid.uuid4()
    token = link_token(SECRET, "password_reset", link_id)
    assert link_id_from_token(SECRET, "password_reset", token) == link_id
    assert link_id_from_token(SECRET, "confirm_email", token) is None
    assert link_id_from_token("another-secret", "password_reset", token) is None


def test_the_id_alone_or_a_changed_token_opens_nothing():
    link_id = uuid.uuid4()
    token = link_token(SECRET, "password_reset", link_id)
    assert link_id_from_token(SECRET, "password_reset", str(link_id)) is None
    assert link_id_from_token(SECRET, "password_reset", token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert link_id_from_token(SECRET, "password_reset", "not-a-token") is None


def test_a_link_opens_the_page_of_its_purpose_on_the_public_address():
    link_id = uuid.uuid4()
    assert link_url("https://portal.example/", SECRET, "confirm_email", link_id) == (
        "https://portal.example/register/confirm/" + link_token(SECRET, "confirm_email", link_id))
