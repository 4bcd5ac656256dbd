"""Buying licenses: the order, PayPal's checkout and return pages, the receipts, PayPal's webhooks forwarded."""
