"""PayPal, behind a small adapter: the paypal-server-sdk client, plain views of its answers, webhook signatures."""
