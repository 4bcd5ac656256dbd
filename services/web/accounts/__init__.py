"""Accounts: registration and the e-mailed links (confirm an address, reset a password), sign-in and sign-out,
server-side sessions and the sign-in throttle, the account page, the language choice, and the account events."""
