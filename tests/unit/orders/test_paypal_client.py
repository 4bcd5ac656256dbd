from services.orders.paypal.client import build_client


def client_base(base_url: str) -> str:
    return build_client(base_url, "id", "secret", 5).config.get_base_uri()


def test_the_local_sandbox_is_reached_at_its_url():
    assert client_base("http://127.0.0.1:8089/") == "http://127.0.0.1:8089"


def test_paypal_environments_are_chosen_by_name():
    assert client_base("live") == "https://api-m.paypal.com"
    assert client_base("sandbox") == client_base("") == "https://api-m.sandbox.paypal.com"


def test_one_clients_base_url_does_not_change_anothers():
    build_client("http://127.0.0.1:9999", "id", "secret", 5)
    assert client_base("sandbox") == "https://api-m.sandbox.paypal.com"
